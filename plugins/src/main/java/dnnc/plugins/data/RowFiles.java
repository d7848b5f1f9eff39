package dnnc.plugins.data;

import dnnc.api.InvalidInputException;
import dnnc.io.Csv;
import dnnc.io.FileFormatException;
import dnnc.io.Npy;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The files rows for a network come in: NumPy arrays (.npy, any shape, rows along axis 0) or CSV (.csv, one row
 * per line, its values the input flattened in C order, optionally a header and a column of labels). Anything
 * else is read as .npy, whose reader names what it expected.
 */
final class RowFiles {
    private RowFiles() {
    }

    /**
     * Rows as read: {@code shape} (rows first), values row-major, NumPy's name of their type (text numbers read as
     * float64), whether each row is flat (CSV: only its value count can be checked against the network's input),
     * and the class of each row taken from a column of the file (null when none was named).
     */
    record Rows(long[] shape, double[] values, String dtype, boolean flat, double[] labels) {
        boolean isFloat() {
            return dtype.startsWith("float");
        }
    }

    static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** {@code labelColumn}: a header name or a column number counting from 1; empty: every column is an input. */
    static Rows inputs(Path file, String labelColumn) {
        if (!isCsv(file)) {
            if (!labelColumn.isEmpty()) {
                throw new InvalidInputException("parameter 'label-column' of data plugin 'npy' names a column of a CSV file; "
                        + file + " is not one: give the labels as labels=y.npy");
            }
            Npy.Contents x = npy(file);
            return new Rows(x.shape(), x.values(), x.dtype(), false, null);
        }
        Csv.Table table = csv(file);
        double[] labels = null;
        if (!labelColumn.isEmpty()) {
            int column = column(file, table, labelColumn);
            labels = table.column(column);
            table = table.without(column);
            if (table.cols() == 0) {
                throw new InvalidInputException(file + ": holds only the label column '" + labelColumn + "'; expected input values beside it");
            }
        }
        for (int r = 0; r < table.rows(); r++) {
            for (int c = 0; c < table.cols(); c++) {
                if (!Double.isFinite(table.get(r, c))) {
                    throw new InvalidInputException(file + ": line " + table.lines()[r] + " holds " + table.get(r, c)
                            + "; a network's input rows must be finite numbers");
                }
            }
        }
        return new Rows(new long[] {table.rows(), table.cols()}, table.values(), "float64", true, labels);
    }

    /** One value per row: a 1-D .npy or a one-column .csv (header allowed). */
    static double[] labels(Path file, int expected) {
        long[] shape;
        double[] values;
        if (isCsv(file)) {
            Csv.Table table = csv(file);
            shape = new long[] {table.rows(), table.cols()};
            values = table.values();
        } else {
            Npy.Contents y = npy(file);
            shape = y.shape();
            values = y.values();
        }
        boolean oneColumn = shape.length == 1 || shape.length == 2 && shape[1] == 1;
        if (!oneColumn || shape[0] != expected) {
            throw new InvalidInputException(file + ": shape " + Npy.shapeText(shape) + "; expected (" + expected + ",): one label per row of the inputs");
        }
        return values;
    }

    private static int column(Path file, Csv.Table table, String name) {
        int index = table.header().indexOf(name);
        if (index >= 0) {
            return index;
        }
        if (name.matches("[0-9]+")) {
            int number = Integer.parseInt(name);
            if (number >= 1 && number <= table.cols()) {
                return number - 1;
            }
        }
        String valid = table.header().isEmpty() ? "a column number from 1 to " + table.cols() + " (the file has no header)"
                : "one of the header's names " + table.header() + " or a column number from 1 to " + table.cols();
        throw new InvalidInputException("parameter 'label-column' of data plugin 'npy' is '" + name + "'; " + file + " has no such column: give " + valid);
    }

    private static Csv.Table csv(Path file) {
        return refusedAsInput(() -> Csv.read(file));
    }

    private static Npy.Contents npy(Path file) {
        return refusedAsInput(() -> Npy.readAnyType(file));
    }

    private static <T> T refusedAsInput(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (FileFormatException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}

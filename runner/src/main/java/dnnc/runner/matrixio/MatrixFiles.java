package dnnc.runner.matrixio;

import dnnc.api.InvalidInputException;
import dnnc.api.Matrix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes numeric matrices as CSV (optional header line) or NPY (v1/v2, little-endian float64/float32,
 * C order), chosen by the file's extension. Every problem is an {@link InvalidInputException} of one line naming
 * the file, the line or cell, and what would be valid.
 */
public final class MatrixFiles {
    /** Whether NaN may appear (a similarity matrix's excluded rows and columns); infinities never may. */
    public enum NaNs { REJECT, ALLOW }

    private MatrixFiles() {
    }

    public static Matrix read(Path file, NaNs nans) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such file; expected a .csv or .npy matrix");
        }
        Matrix m = switch (format(file)) {
            case "csv" -> CsvMatrix.read(file, nans);
            case "npy" -> NpyMatrix.read(file, nans);
            default -> throw new IllegalStateException();
        };
        if (m.rows() == 0 || m.cols() == 0) {
            throw new InvalidInputException(file + ": the matrix is empty; expected at least 2 rows of numbers");
        }
        return m;
    }

    public static void write(Path file, Matrix m) {
        switch (format(file)) {
            case "csv" -> CsvMatrix.write(file, m);
            case "npy" -> NpyMatrix.write(file, m);
            default -> throw new IllegalStateException();
        }
    }

    /** Samples must be at least 2 rows for any similarity to exist. */
    public static void requireRows(Path file, Matrix m, int min) {
        if (m.rows() < min) {
            throw new InvalidInputException(file + ": has " + m.rows() + " row(s); expected at least " + min
                    + " rows (samples), one variable per column");
        }
    }

    public static void requireSquare(Path file, Matrix m) {
        if (m.rows() != m.cols()) {
            throw new InvalidInputException(file + ": is " + m.rows() + " x " + m.cols()
                    + "; --precomputed expects a square similarity matrix (variables x variables)");
        }
    }

    private static String format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return "csv";
        }
        if (name.endsWith(".npy")) {
            return "npy";
        }
        throw new InvalidInputException(file + ": unknown matrix format; expected a file ending in .csv or .npy");
    }

    static void checkValue(Path file, double v, NaNs nans, String where) {
        if (Double.isInfinite(v) || (Double.isNaN(v) && nans == NaNs.REJECT)) {
            throw new InvalidInputException(file + ": " + where + " is " + v + "; expected a finite number");
        }
    }
}

package dnnc.runner.matrixio;

import dnnc.api.InvalidInputException;
import dnnc.api.Matrix;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Comma-separated numbers, one matrix row per line; the first line may be a header of names (no number in it). */
final class CsvMatrix {
    private CsvMatrix() {
    }

    static Matrix read(Path file, MatrixFiles.NaNs nans) {
        List<double[]> rows = new ArrayList<>();
        int cols = -1;
        int firstDataLine = -1;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (rows.isEmpty() && firstDataLine < 0 && lineNo == 1 && isHeader(fields)) {
                    continue;
                }
                if (cols < 0) {
                    cols = fields.length;
                    firstDataLine = lineNo;
                } else if (fields.length != cols) {
                    throw new InvalidInputException(file + ": line " + lineNo + " has " + fields.length + " values; expected "
                            + cols + " like line " + firstDataLine + " (every row needs the same number of columns)");
                }
                double[] row = new double[cols];
                for (int c = 0; c < cols; c++) {
                    row[c] = parse(file, fields[c], lineNo, c + 1);
                    if (!Double.isFinite(row[c])) { // the value's place named only when it may be refused
                        MatrixFiles.checkValue(file, row[c], nans, "line " + lineNo + ", column " + (c + 1));
                    }
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(file + ": holds no rows of numbers; expected comma-separated numbers, one row per line");
        }
        double[] values = new double[rows.size() * cols];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * cols, cols);
        }
        return new Matrix(rows.size(), cols, values);
    }

    private static boolean isHeader(String[] fields) {
        for (String f : fields) {
            if (isNumber(f)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double parse(Path file, String text, int line, int column) {
        String t = text.trim();
        try {
            return switch (t.toLowerCase(java.util.Locale.ROOT)) {
                case "nan" -> Double.NaN;
                case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
                case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(t);
            };
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + ": line " + line + ", column " + column + " is '" + t
                    + "'; expected a number (only the first line may be a header of names)");
        }
    }

    static void write(Path file, Matrix m) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < m.rows(); r++) {
                line.setLength(0);
                for (int c = 0; c < m.cols(); c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    double v = m.get(r, c);
                    line.append(Double.isNaN(v) ? "nan" : Double.toString(v));
                }
                out.write(line.append('\n').toString());
            }
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }
}

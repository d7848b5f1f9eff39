package dnnc.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Comma-separated numbers, one row per line, blank lines skipped. The first line is a header of names when none of
 * its fields is a number. {@code nan}, {@code inf} and {@code -inf} read as such: callers decide whether they may
 * stand (each row keeps its line number to name the place).
 */
public final class Csv {
    private Csv() {
    }

    /**
     * The numbers row-major ({@code rows} x {@code cols}), the header's names (empty without a header) and the
     * file's line number of each row.
     */
    public record Table(List<String> header, int rows, int cols, double[] values, int[] lines) {
        public Table {
            header = List.copyOf(header);
        }

        public double get(int row, int col) {
            return values[row * cols + col];
        }

        /** The table without column {@code col} (0-based). */
        public Table without(int col) {
            double[] kept = new double[rows * (cols - 1)];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(values, r * cols, kept, r * (cols - 1), col);
                System.arraycopy(values, r * cols + col + 1, kept, r * (cols - 1) + col, cols - col - 1);
            }
            List<String> names = new ArrayList<>(header);
            if (!names.isEmpty()) {
                names.remove(col);
            }
            return new Table(names, rows, cols - 1, kept, lines);
        }

        /** Column {@code col} (0-based). */
        public double[] column(int col) {
            double[] c = new double[rows];
            for (int r = 0; r < rows; r++) {
                c[r] = get(r, col);
            }
            return c;
        }
    }

    public static Table read(Path file) {
        List<double[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> header = List.of();
        int cols = -1;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (cols < 0 && header.isEmpty() && isHeader(fields)) {
                    header = Arrays.stream(fields).map(String::strip).toList();
                    cols = fields.length;
                    continue;
                }
                if (cols < 0) {
                    cols = fields.length;
                } else if (fields.length != cols) {
                    throw new FileFormatException(file + ": line " + lineNo + " has " + fields.length + " values; expected " + cols
                            + " like line " + (lines.isEmpty() ? 1 : lines.get(0)) + " (every row needs the same number of columns)");
                }
                double[] row = new double[cols];
                for (int c = 0; c < cols; c++) {
                    row[c] = parse(file, fields[c], lineNo, c + 1);
                }
                rows.add(row);
                lines.add(lineNo);
            }
        } catch (IOException e) {
            throw new FileFormatException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (rows.isEmpty()) {
            throw new FileFormatException(file + ": holds no rows of numbers; expected comma-separated numbers, one row per line");
        }
        double[] values = new double[rows.size() * cols];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * cols, cols);
        }
        return new Table(header, rows.size(), cols, values, lines.stream().mapToInt(Integer::intValue).toArray());
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
            parseNumber(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double parse(Path file, String text, int line, int column) {
        String t = text.strip();
        try {
            return parseNumber(t);
        } catch (NumberFormatException e) {
            throw new FileFormatException(file + ": line " + line + ", column " + column + " is '" + t
                    + "'; expected a number (only the first line may be a header of names)");
        }
    }

    private static double parseNumber(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t);
        };
    }
}

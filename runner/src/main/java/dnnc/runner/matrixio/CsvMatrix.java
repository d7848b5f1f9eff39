package dnnc.runner.matrixio;

import dnnc.api.InvalidInputException;
import dnnc.api.Matrix;
import dnnc.io.Csv;
import dnnc.io.FileFormatException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Comma-separated numbers, one matrix row per line ({@link Csv}); the first line may be a header of names (no number in it). */
final class CsvMatrix {
    private CsvMatrix() {
    }

    static Matrix read(Path file, MatrixFiles.NaNs nans) {
        Csv.Table table;
        try {
            table = Csv.read(file);
        } catch (FileFormatException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        for (int r = 0; r < table.rows(); r++) {
            for (int c = 0; c < table.cols(); c++) {
                double v = table.get(r, c);
                if (!Double.isFinite(v)) { // the value's place named only when it may be refused
                    MatrixFiles.checkValue(file, v, nans, "line " + table.lines()[r] + ", column " + (c + 1));
                }
            }
        }
        return new Matrix(table.rows(), table.cols(), table.values());
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

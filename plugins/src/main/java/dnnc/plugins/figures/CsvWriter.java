package dnnc.plugins.figures;

import dnnc.io.AtomicFile;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The numbers behind a figure as RFC 4180 CSV (header, then rows), written atomically. Doubles are written
 * with full precision ({@link Double#toString}) so the CSV can be re-analysed without loss.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    public static Path write(Path file, List<String> header, List<? extends List<?>> rows) {
        for (List<?> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row of " + row.size() + " cells under a header of " + header.size());
            }
        }
        return AtomicFile.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(line(header));
            for (List<?> row : rows) {
                w.write(line(row));
            }
            w.flush();
        });
    }

    private static String line(List<?> cells) {
        return cells.stream().map(CsvWriter::cell).collect(Collectors.joining(",")) + "\n";
    }

    static String cell(Object value) {
        String s = value == null ? "" : value.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}

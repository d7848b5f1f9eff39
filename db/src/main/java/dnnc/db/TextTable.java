package dnnc.db;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Rows of text printed as an aligned table (numbers right-aligned) or as CSV (RFC 4180 quoting). */
public final class TextTable {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final String NULL_SHOWN = "NULL";

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Adds a row; null cells are SQL NULLs (shown as NULL, empty in CSV). */
    public TextTable add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells for " + header.size() + " columns");
        }
        rows.add(new ArrayList<>(row));
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    public String aligned() {
        int columns = header.size();
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = header.get(c).length();
            numeric[c] = !rows.isEmpty();
            for (List<String> row : rows) {
                String cell = shown(row.get(c));
                widths[c] = Math.max(widths[c], cell.length());
                numeric[c] &= row.get(c) == null || NUMBER.matcher(row.get(c)).matches();
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, header, widths, new boolean[columns]);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        appendLine(out, rule, widths, new boolean[columns]);
        for (List<String> row : rows) {
            appendLine(out, row.stream().map(TextTable::shown).toList(), widths, numeric);
        }
        return out.toString();
    }

    public String csv() {
        StringBuilder out = new StringBuilder();
        appendCsvLine(out, header);
        rows.forEach(row -> appendCsvLine(out, row));
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths, boolean[] rightAligned) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - cell.length());
            if (c > 0) {
                line.append("  ");
            }
            line.append(rightAligned[c] ? padding + cell : cell + padding);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static void appendCsvLine(StringBuilder out, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                out.append(',');
            }
            String cell = cells.get(c);
            if (cell == null) {
                continue;
            }
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0;
            out.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        out.append('\n');
    }

    private static String shown(String cell) {
        return cell == null ? NULL_SHOWN : cell.replace("\r", "").replace("\n", "\\n");
    }
}

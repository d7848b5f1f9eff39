package dnnc.db;

import java.util.List;

/** The rows of a read-only query, every cell as text (null for SQL NULL). */
public record QueryResult(List<String> columns, List<List<String>> rows) {
    public TextTable toTextTable() {
        TextTable table = new TextTable(columns);
        rows.forEach(table::add);
        return table;
    }
}

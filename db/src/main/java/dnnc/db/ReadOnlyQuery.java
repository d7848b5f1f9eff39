package dnnc.db;

import dnnc.api.InvalidInputException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs a user's SQL as DNNC_READER, a database user granted SELECT on the record tables and nothing else. The
 * database refuses whatever else the text asks for (writes, DDL, CREATE ALIAS, RUNSCRIPT, file functions): the
 * protection is the missing rights, not an inspection of the text.
 */
final class ReadOnlyQuery {
    private static final Set<Integer> BINARY_TYPES = Set.of(Types.BLOB, Types.BINARY, Types.VARBINARY,
            Types.LONGVARBINARY);

    private final Database database;

    ReadOnlyQuery(Database database) {
        this.database = database;
    }

    QueryResult run(String sql) {
        try (Connection connection = database.readerConnection();
             Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                throw new InvalidInputException("query returned no rows to show; dnnc query runs SELECT statements");
            }
            try (ResultSet rows = statement.getResultSet()) {
                return collect(rows);
            }
        } catch (SQLException e) {
            throw new InvalidInputException("query refused: " + Database.firstLine(e), e);
        }
    }

    private static QueryResult collect(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            columns.add(meta.getColumnLabel(c));
        }
        boolean[] binary = new boolean[columns.size()];
        for (int c = 0; c < binary.length; c++) {
            binary[c] = BINARY_TYPES.contains(meta.getColumnType(c + 1));
        }
        List<List<String>> table = new ArrayList<>();
        while (rows.next()) {
            List<String> row = new ArrayList<>(columns.size());
            for (int c = 0; c < binary.length; c++) {
                row.add(binary[c] ? size(rows.getBytes(c + 1)) : rows.getString(c + 1));
            }
            table.add(row);
        }
        return new QueryResult(columns, table);
    }

    /** Arrays are float64 BLOBs: printing their bytes would help nobody, their size does. */
    private static String size(byte[] bytes) {
        return bytes == null ? null : "<" + bytes.length + " bytes>";
    }
}

package dnnc.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One statement with its parameters bound in order, so a write is its SQL and its values, not a block of setters. */
final class Sql {
    private Sql() {
    }

    /**
     * Runs an INSERT, UPDATE, MERGE or DELETE and returns the rows it changed. Values are bound with
     * {@code setObject}: null becomes SQL NULL, byte[] a binary value, OffsetDateTime a timestamp with time zone.
     */
    static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }
}

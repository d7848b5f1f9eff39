package dnnc.db;

import dnnc.api.InvalidInputException;
import org.h2.api.ErrorCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs one query statement as DNNC_READER, a database user granted SELECT on the record tables and nothing else,
 * within a time limit. {@link QueryStatement} admits only a single query; the missing rights refuse whatever a
 * query could still ask for (file functions, Java aliases, other databases).
 */
final class ReadOnlyQuery {
    private static final Set<Integer> BINARY_TYPES = Set.of(Types.BLOB, Types.BINARY, Types.VARBINARY,
            Types.LONGVARBINARY);

    private final Database database;

    ReadOnlyQuery(Database database) {
        this.database = database;
    }

    QueryResult run(String sql, List<?> parameters, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (database.dialect() == Dialect.POSTGRESQL) {
            return PostgresQuery.run(database, sql, parameters, timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = database.readerConnection()) {
            QueryStatement.requireOneQuery(connection, sql);
            try (Statement session = connection.createStatement()) {
                // H2 cancels the statement itself once it has run this long (the reader may set its own session's limit)
                session.execute("SET QUERY_TIMEOUT " + Math.max(1, timeout.toMillis()));
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return collect(rows, deadline, timeout);
                }
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.STATEMENT_WAS_CANCELED) {
                throw timedOut(timeout);
            }
            throw QueryStatement.refused(Database.firstLine(e).replaceFirst("; SQL statement:$", ""));
        } catch (StackOverflowError e) {
            // H2 parses and binds expressions recursively; nothing has run yet, and the connection is closed above
            throw QueryStatement.refused("nested too deeply for H2 to parse; write it with fewer nested parentheses or operators");
        }
    }

    /** Reading the rows counts against the limit too: a result can be too long to fetch in time. */
    static QueryResult collect(ResultSet rows, long deadline, Duration timeout) throws SQLException {
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
            if (System.nanoTime() - deadline > 0) {
                throw timedOut(timeout);
            }
            List<String> row = new ArrayList<>(columns.size());
            for (int c = 0; c < binary.length; c++) {
                row.add(binary[c] ? size(rows.getBytes(c + 1)) : rows.getString(c + 1));
            }
            table.add(row);
        }
        return new QueryResult(columns, table);
    }

    static InvalidInputException timedOut(Duration timeout) {
        return new InvalidInputException("query cancelled: it ran longer than its time limit of "
                + seconds(timeout) + "; narrow it (WHERE, LIMIT) or allow more time");
    }

    private static String seconds(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        return (seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds)) + " s";
    }

    /** Arrays are float64 BLOBs: printing their bytes would help nobody, their size does. */
    private static String size(byte[] bytes) {
        return bytes == null ? null : "<" + bytes.length + " bytes>";
    }
}

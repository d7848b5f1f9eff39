package dnnc.db;

import org.postgresql.core.Parser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code dnnc query} on a PostgreSQL store: one statement (counted by the driver's own parser, which knows strings,
 * quoted names and comments), opened as a cursor, which PostgreSQL allows only for a query, in a read-only
 * transaction of the SELECT-only reader role and under a statement time limit.
 */
final class PostgresQuery {
    static final String ACCEPTED = "one query: SELECT, WITH ... SELECT, VALUES or TABLE";
    private static final String QUERY_CANCELED = "57014";
    private static final String SYNTAX_ERROR = "42601";
    private static final Set<String> QUERY_WORDS = Set.of("select", "with", "values", "table", "(");

    private PostgresQuery() {
    }

    static QueryResult run(Database database, String sql, List<?> parameters, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String statement = oneStatement(sql);
        try (Connection connection = database.readerConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement session = connection.createStatement()) {
                session.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
            }
            try (PreparedStatement declare = connection.prepareStatement("DECLARE dnnc_query NO SCROLL CURSOR FOR " + sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    declare.setObject(i + 1, parameters.get(i));
                }
                declare.execute();
            } catch (SQLException e) {
                if (SYNTAX_ERROR.equals(e.getSQLState()) && !QUERY_WORDS.contains(firstWord(statement))) {
                    throw QueryStatement.refused("'" + QueryStatement.leadingWords(statement) + "' is not a query; dnnc query runs " + ACCEPTED);
                }
                throw e;
            }
            try (Statement fetch = connection.createStatement();
                 ResultSet rows = fetch.executeQuery("FETCH ALL FROM dnnc_query")) {
                return ReadOnlyQuery.collect(rows, deadline, timeout);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                throw ReadOnlyQuery.timedOut(timeout);
            }
            throw QueryStatement.refused(Database.firstLine(e));
        }
    }

    /** The one statement of the text; none or several are refused before anything reaches the server. */
    private static String oneStatement(String sql) {
        List<String> statements;
        try {
            statements = Parser.parseJdbcSql(sql, true, true, true, false, true).stream()
                    .map(query -> query.nativeSql.strip()).filter(text -> !text.isEmpty()).toList();
        } catch (SQLException e) {
            throw QueryStatement.refused(Database.firstLine(e));
        }
        if (statements.isEmpty()) {
            throw QueryStatement.refused("no statement given; dnnc query runs " + ACCEPTED);
        }
        if (statements.size() > 1) {
            throw QueryStatement.refused(statements.size() + " statements given (separated by ';'); dnnc query runs exactly " + ACCEPTED);
        }
        return statements.get(0);
    }

    private static String firstWord(String statement) {
        String trimmed = statement.stripLeading();
        if (trimmed.startsWith("(")) {
            return "(";
        }
        return trimmed.split("[\\s(]+", 2)[0].toLowerCase(Locale.ROOT);
    }
}

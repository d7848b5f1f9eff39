package dnnc.db;

import dnnc.api.InvalidInputException;
import org.h2.command.CommandInterface;
import org.h2.jdbc.JdbcConnection;
import org.h2.util.ScriptReader;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Admits exactly one statement that is a query, decided by H2 itself: its script reader finds the statement
 * boundaries (strings, quoted names and comments included) and its parser, on the reader's own session, says what
 * kind of command the text is. Rights cannot do this part: every H2 user may change its own password and its
 * session settings, and a query interface that let it would be one command away from locking everyone out.
 */
final class QueryStatement {
    static final String ACCEPTED = "one query: SELECT, WITH ... SELECT, VALUES, TABLE or EXPLAIN";
    /** VALUES, TABLE, WITH ... SELECT and SHOW parse to SELECT; EXPLAIN shows a plan and runs nothing. */
    private static final Set<Integer> QUERY_COMMANDS = Set.of(CommandInterface.SELECT, CommandInterface.EXPLAIN);
    private static final int SHOWN_WORDS = 2;

    private QueryStatement() {
    }

    /** Throws an {@link InvalidInputException} unless {@code sql} is one query statement. */
    static void requireOneQuery(Connection reader, String sql) throws SQLException {
        List<String> statements = statements(sql);
        if (statements.isEmpty()) {
            throw refused("no statement given; dnnc query runs " + ACCEPTED);
        }
        if (statements.size() > 1) {
            throw refused(statements.size() + " statements given (separated by ';'); dnnc query runs exactly " + ACCEPTED);
        }
        int command = commandType(reader, sql);
        if (!QUERY_COMMANDS.contains(command)) {
            throw refused("'" + leadingWords(statements.get(0)) + "' is not a query; dnnc query runs " + ACCEPTED);
        }
    }

    static InvalidInputException refused(String reason) {
        return new InvalidInputException("query refused: " + reason);
    }

    /** The statements of the text, comments blanked out, empty ones (a trailing ';') left out. */
    private static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        try (ScriptReader script = new ScriptReader(new StringReader(sql))) {
            script.setSkipRemarks(true);
            for (String statement = script.readStatement(); statement != null; statement = script.readStatement()) {
                if (!statement.isBlank()) {
                    statements.add(statement.strip());
                }
            }
        }
        return statements;
    }

    /** What H2's parser makes of the text on this session (served by another process or not), without running it. */
    private static int commandType(Connection reader, String sql) throws SQLException {
        CommandInterface command;
        try {
            command = reader.unwrap(JdbcConnection.class).getSession().prepareCommand(sql, Integer.MAX_VALUE);
        } catch (org.h2.message.DbException e) {
            throw e.getSQLException();
        }
        try {
            return command.getCommandType();
        } finally {
            command.close();
        }
    }

    static String leadingWords(String statement) {
        String[] words = statement.split("\\s+", SHOWN_WORDS + 1);
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(SHOWN_WORDS, words.length)));
    }
}

package dnnc.db;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * A data source that waits out a served file changing hands ({@link HandOver#isOpeningRace}) before giving up, for
 * every connection dnnc opens, Flyway's included: H2 refuses connections for a moment while one process stops
 * serving the file and the next starts.
 */
final class PatientDataSource implements DataSource {
    /** Long enough for a loaded machine's hand-over; a lock held longer is a program holding the file. */
    private static final long PATIENCE_MILLIS = 10_000;
    private static final long FIRST_PAUSE_MILLIS = 50;

    private final DataSource source;

    PatientDataSource(DataSource source) {
        this.source = source;
    }

    @Override
    public Connection getConnection() throws SQLException {
        long pauseMillis = FIRST_PAUSE_MILLIS;
        for (long waitedMillis = 0; ; waitedMillis += pauseMillis, pauseMillis = Math.min(2 * pauseMillis, 1000)) {
            try {
                return source.getConnection();
            } catch (SQLException e) {
                if (!HandOver.isOpeningRace(e) || waitedMillis >= PATIENCE_MILLIS) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the record store", interrupted);
            }
        }
    }

    @Override
    public Connection getConnection(String user, String password) {
        throw new UnsupportedOperationException("dnnc's record store connects only as its configured users");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return source.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        source.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        source.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return source.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return source.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return source.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return source.isWrapperFor(type);
    }
}

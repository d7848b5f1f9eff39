package dnnc.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connection to one record store. Every unit of work runs in its own short transaction, committed at once.
 * With AUTO_SERVER the first process to open an H2 file serves it to the others; when that process exits, the
 * others' connections break and are re-opened here, so a write in flight is retried rather than lost.
 */
final class Database implements AutoCloseable {
    static final String OWNER_USER = "DNNC";
    static final String READER_USER = "DNNC_READER";
    /** The file is local: passwords guard nothing here, rights do (see h2/V1__records.sql). */
    static final String OWNER_PASSWORD = "dnnc";
    private static final int ATTEMPTS = 3;

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final StorePlace location;
    private final DataSource owner;
    private final DataSource reader;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;

    private Database(StorePlace location) {
        this.location = location;
        this.owner = new PatientDataSource(location.owner());
        this.reader = new PatientDataSource(location.reader());
    }

    /** Connects (creating an H2 file when there is none); an unusable store is reported, never replaced. */
    static Database connect(StorePlace location) {
        Database database = new Database(location);
        database.connection = database.openOwnerConnection();
        return database;
    }

    StorePlace location() {
        return location;
    }

    Dialect dialect() {
        return location.dialect();
    }

    DataSource ownerDataSource() {
        return owner;
    }

    <T> T transaction(Work<T> work) {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return runOnce(work);
                } catch (SQLException e) {
                    if (attempt < ATTEMPTS && HandOver.isServerGone(e)) {
                        reconnect();
                        continue;
                    }
                    throw new RecordStoreException("record store " + location.label() + ": " + firstLine(e), e);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs work on a fresh connection as the read-only user, so whatever the work asks for is bounded by that user's
     * rights (SELECT on the record tables). A served file that went away is re-opened once, like the owner's.
     */
    <T> T readOnly(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = readerConnection()) {
                connection.setReadOnly(true);
                return work.run(connection);
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && HandOver.isServerGone(e)) {
                    continue;
                }
                throw new RecordStoreException("record store " + location.label() + ": " + firstLine(e), e);
            }
        }
    }

    /**
     * A connection as the read-only user; the caller closes it. A refused login (its credentials changed behind
     * this process's back, e.g. by an older dnnc that let the reader set its own password) is healed once.
     */
    Connection readerConnection() {
        try {
            return reader.getConnection();
        } catch (SQLException e) {
            if (!location.isWrongPassword(e)) {
                throw location.unusable(e);
            }
        }
        resetReaderCredentials();
        try {
            return reader.getConnection();
        } catch (SQLException e) {
            throw location.readerRefused(e);
        }
    }

    /**
     * Makes sure the read-only user logs in, resetting its credentials if they were changed: every opening does
     * this, so nothing once done through the reader outlasts the next dnnc command. Only a store that needs it is
     * written to (a full disk still lets the records be read).
     */
    void ensureReaderLogsIn() {
        try (Connection ignored = readerConnection()) {
            // logged in
        } catch (SQLException e) {
            throw location.unusable(e);
        }
    }

    private void resetReaderCredentials() {
        transaction(connection -> {
            location.resetReaderCredentials(connection);
            return null;
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (connection != null) {
                Connection closing = connection;
                connection = null;
                closing.close();
            }
        } catch (SQLException e) {
            if (HandOver.isServerGone(e)) {
                return; // the serving process went away (AUTO_SERVER hand-over); every write was committed before, nothing is lost
            }
            throw new RecordStoreException("cannot close " + location.label() + ": " + firstLine(e), e);
        } finally {
            lock.unlock();
        }
    }

    static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private <T> T runOnce(Work<T> work) throws SQLException {
        if (connection == null) {
            throw new IllegalStateException("record store " + location.label() + " is closed");
        }
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is already broken; the retry (or the caller) deals with that
        }
    }

    private void reconnect() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a broken connection may fail; a fresh one follows
        }
        connection = openOwnerConnection();
    }

    private Connection openOwnerConnection() {
        try {
            return owner.getConnection();
        } catch (SQLException e) {
            throw location.unusable(e);
        }
    }
}

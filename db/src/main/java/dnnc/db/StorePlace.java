package dnnc.db;

import dnnc.api.InvalidInputException;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where the records live, the embedded H2 file of a runs folder ({@link StoreLocation}) or a PostgreSQL database
 * ({@link PostgresLocation}), and what differs between them: logins, dialect, and how a refusal reads to the user.
 */
interface StorePlace {
    /** The folder of the run folders (artifacts); the records may live elsewhere. */
    Path runsDir();

    /** The store as the user should see it in a message: a file, or a URL without its password. */
    String label();

    Dialect dialect();

    DataSource owner();

    /** The SELECT-only login of {@code dnnc query} and {@code dnnc serve}. */
    DataSource reader();

    /** Flyway placeholders the migrations of this place use. */
    Map<String, String> migrationPlaceholders();

    /** True when the failure is a login refused for its credentials. */
    boolean isWrongPassword(SQLException e);

    /** Gives the reader its known password again, on the owner's connection. */
    void resetReaderCredentials(Connection owner) throws SQLException;

    /** A refusal to open the store, as one line for the user. */
    InvalidInputException unusable(SQLException e);

    /** The reader still refused after its owner reset its credentials: the records are not at fault. */
    InvalidInputException readerRefused(SQLException e);

    /** What the user can do when the store cannot be used, ending a message. */
    String elsewhere();
}

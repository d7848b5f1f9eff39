package dnnc.db;

import dnnc.api.InvalidInputException;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A record store in a PostgreSQL database ({@code --store jdbc:postgresql://HOST/DB?user=..&password=..}), shared by
 * dnnc processes on several machines. The URL's user owns the tables; {@code dnnc query} and {@code dnnc serve} read
 * as a role of their own that may only SELECT the record tables, logging in with a random password only the owner
 * can read (table reader_login), so nobody who merely reaches the server can read the records with it.
 */
final class PostgresLocation implements StorePlace {
    static final String URL_PREFIX = "jdbc:postgresql:";
    /** Role names are at most 63 bytes and, unquoted, lower-case letters, digits and '_'. */
    private static final int ROLE_NAME_LIMIT = 63;
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&]*");
    private static final String WRONG_PASSWORD = "28P01";
    private static final String NOT_AUTHORIZED = "28000";
    /** Any number: every dnnc agrees on it to take turns creating the reader role. */
    private static final long ROLE_LOCK = 0x646e6e63L;

    private final Path runsDir;
    private final String label;
    private final PGSimpleDataSource owner;
    private final PGSimpleDataSource reader;
    private String readerRole;

    private PostgresLocation(Path runsDir, String url) {
        this.runsDir = runsDir.toAbsolutePath().normalize();
        this.label = PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
        this.owner = dataSource(url);
        this.reader = dataSource(url);
    }

    /** Refuses a URL that names no PostgreSQL database before any connection is tried. */
    static PostgresLocation of(Path runsDir, String url) {
        if (!url.startsWith(URL_PREFIX)) {
            throw new InvalidInputException("--store " + PASSWORD_IN_URL.matcher(url).replaceAll("$1***")
                    + " is not a PostgreSQL URL; expected jdbc:postgresql://HOST[:PORT]/DATABASE?user=USER&password=PASSWORD");
        }
        return new PostgresLocation(runsDir, url);
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        try {
            source.setURL(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--store: " + e.getMessage()
                    + "; expected jdbc:postgresql://HOST[:PORT]/DATABASE?user=USER&password=PASSWORD", e);
        }
        source.setApplicationName("dnnc");
        return source;
    }

    /**
     * Creates the reader role when the server has none for this database, before the migrations grant it SELECT.
     * Roles are shared by the server's databases: an advisory lock keeps two dnnc processes from racing to create it.
     */
    void createReaderRole(Database database) {
        readerRole = database.transaction(connection -> {
            String role;
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT current_database()")) {
                row.next();
                role = roleName(row.getString(1));
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ROLE_LOCK);
                lock.execute();
            }
            boolean exists;
            try (PreparedStatement find = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                find.setString(1, role);
                try (ResultSet rows = find.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE ROLE " + role + " NOLOGIN");
                } catch (SQLException e) {
                    throw new InvalidInputException(label + ": the store's user may not create the read-only role " + role
                            + " that dnnc query and dnnc serve log in as (" + Database.firstLine(e) + "); grant it CREATEROLE "
                            + "(ALTER ROLE <user> CREATEROLE) or give --store another user", e);
                }
            }
            return role;
        });
    }

    /** Logs the reader in with the password recorded in the database, drawing one on the first opening. */
    void loadReaderPassword(Database database) {
        String password = database.transaction(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ROLE_LOCK);
                lock.execute();
            }
            String recorded = recordedPassword(connection);
            if (recorded != null) {
                return recorded;
            }
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            String drawn = HexFormat.of().formatHex(secret);
            Sql.update(connection, "INSERT INTO reader_login (role_name, password) VALUES (?, ?)", readerRole, drawn);
            setPassword(connection, drawn);
            return drawn;
        });
        reader.setUser(readerRole);
        reader.setPassword(password);
    }

    private String recordedPassword(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT password FROM reader_login WHERE role_name = ?")) {
            select.setString(1, readerRole);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** The password is hex drawn here, so it is safe as a literal (ALTER ROLE takes no parameters). */
    private void setPassword(Connection connection, String password) throws SQLException {
        try (Statement alter = connection.createStatement()) {
            alter.execute("ALTER ROLE " + readerRole + " LOGIN PASSWORD '" + password + "'");
        }
    }

    /** The database's name made a role name: lower-case, other characters as '_', within PostgreSQL's length limit. */
    static String roleName(String databaseName) {
        String role = "dnnc_reader_" + databaseName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return role.length() <= ROLE_NAME_LIMIT ? role : role.substring(0, ROLE_NAME_LIMIT);
    }

    @Override
    public Path runsDir() {
        return runsDir;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public PGSimpleDataSource owner() {
        return owner;
    }

    @Override
    public PGSimpleDataSource reader() {
        return reader;
    }

    @Override
    public Map<String, String> migrationPlaceholders() {
        return Map.of("reader", readerRole);
    }

    @Override
    public boolean isWrongPassword(SQLException e) {
        return WRONG_PASSWORD.equals(e.getSQLState()) || NOT_AUTHORIZED.equals(e.getSQLState());
    }

    @Override
    public void resetReaderCredentials(Connection owner) throws SQLException {
        String recorded = recordedPassword(owner);
        if (recorded != null) {
            setPassword(owner, recorded);
        }
    }

    @Override
    public InvalidInputException unusable(SQLException e) {
        return new InvalidInputException("cannot use the record store " + label + " (" + Database.firstLine(e) + "); "
                + elsewhere(), e);
    }

    @Override
    public InvalidInputException readerRefused(SQLException e) {
        return new InvalidInputException(label + ": dnnc's read-only role " + readerRole + " cannot log in even after dnnc "
                + "reset its password (" + Database.firstLine(e) + "); the server's pg_hba.conf must let it log in like the "
                + "store's user; the records are unharmed (dnnc runs list|show read them as the owner)", e);
    }

    @Override
    public String elsewhere() {
        return "check that the server runs and the URL's host, database, user and password, or give another --store";
    }

    @Override
    public String toString() {
        return label;
    }
}

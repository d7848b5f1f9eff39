package dnnc.db;

import dnnc.api.InvalidInputException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where a record store lives ({@code <runsDir>/records.mv.db}) and how to tell the user about it. Checks the file
 * before H2 sees it: H2 would quietly start a new database beside a file it does not recognise.
 */
record StoreLocation(Path runsDir, Path databaseFile, String label) implements StorePlace {
    /** The file is local: passwords guard nothing here, rights do (see h2/V1__records.sql). */
    private static final String READER_PASSWORD = "dnnc-reader";

    static final String BASE_NAME = "records";
    /** Every MVStore file starts with its text header "H:2,block:..". */
    private static final byte[] MVSTORE_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);

    /** The folder is made absolute: run folders and artifact paths are resolved against it (a relative one twice over). */
    static StoreLocation of(Path runsDir) {
        return named(runsDir, BASE_NAME);
    }

    private static StoreLocation named(Path runsDir, String baseName) {
        Path absolute = runsDir.toAbsolutePath().normalize();
        return new StoreLocation(absolute, absolute.resolve(baseName + ".mv.db"), absolute.resolve(baseName).toString());
    }

    /** A store of another name in the same folder (where a new store is made before it is moved into place). */
    StoreLocation beside(String baseName) {
        return named(runsDir, baseName);
    }

    /** The store's files: H2's database, its trace and its server lock ({@code <label>.*.db}). */
    List<Path> files() {
        return List.of(databaseFile, Path.of(label + ".trace.db"), serverLockFile());
    }

    /** Present while a process has the store open (H2's file lock, naming the process serving it to the others). */
    Path serverLockFile() {
        return Path.of(label + ".lock.db");
    }

    String ownerJdbcUrl() {
        // WRITE_DELAY=0 writes each commit to the file at once, so a killed process loses nothing it recorded.
        return readerJdbcUrl() + ";WRITE_DELAY=0";
    }

    /** Without WRITE_DELAY, a database setting only an admin may change. */
    String readerJdbcUrl() {
        return jdbcUrl(";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000");
    }

    /** The store's H2 URL with {@code settings} (";NAME=VALUE..." or empty) appended. */
    String jdbcUrl(String settings) {
        return "jdbc:h2:file:" + label + settings;
    }

    /** How a message about a damaged store ends: the command that salvages it. */
    String recoverHint() {
        return "`dnnc runs recover --runs " + runsDir + "` rebuilds it from what can still be read and keeps this file beside it";
    }

    @Override
    public Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    public JdbcDataSource owner() {
        return dataSource(ownerJdbcUrl(), Database.OWNER_USER, Database.OWNER_PASSWORD);
    }

    @Override
    public JdbcDataSource reader() {
        return dataSource(readerJdbcUrl(), Database.READER_USER, READER_PASSWORD);
    }

    @Override
    public Map<String, String> migrationPlaceholders() {
        return Map.of();
    }

    @Override
    public boolean isWrongPassword(SQLException e) {
        return e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD;
    }

    /**
     * An older dnnc let the reader set its own password. The password travels as a parameter, never in statement
     * text H2 might log or show in its session tables.
     */
    @Override
    public void resetReaderCredentials(Connection owner) throws SQLException {
        try (PreparedStatement reset = owner.prepareStatement("ALTER USER " + Database.READER_USER + " SET PASSWORD ?")) {
            reset.setString(1, READER_PASSWORD);
            reset.executeUpdate();
        }
    }

    @Override
    public String elsewhere() {
        return "move it away or choose another --runs folder";
    }

    /** Creates the runs folder and refuses files that are not H2 record stores. */
    void prepare() {
        String folder = runsDir.toAbsolutePath().toString();
        if (folder.contains(";")) {
            throw new InvalidInputException("runs folder '" + runsDir + "' contains ';', which H2 cannot open; choose another --runs folder");
        }
        RecordStore.createRunsFolder(runsDir);
        Path legacyFile = runsDir.resolve(BASE_NAME + ".h2.db");
        if (Files.exists(legacyFile) && !Files.exists(databaseFile)) {
            throw new InvalidInputException(legacyFile + " was written by H2 1.x, which this dnnc cannot read; "
                    + "move it away or choose another --runs folder");
        }
        if (Files.exists(databaseFile) && !hasMvStoreHeader()) {
            throw new InvalidInputException(databaseFile + " is not an H2 database; dnnc will not overwrite it: "
                    + "move it away or choose another --runs folder");
        }
    }

    /** An H2 refusal to open the file, as one line for the user. */
    @Override
    public InvalidInputException unusable(SQLException e) {
        String disk = diskProblem(e);
        if (disk != null) {
            return new InvalidInputException(databaseFile + " cannot be written (" + disk + "); free some space or choose another --runs folder", e);
        }
        if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
            return new InvalidInputException(databaseFile + " does not let dnnc's database user " + Database.OWNER_USER
                    + " in (" + Database.firstLine(e) + "): it was made by another program or its users were changed "
                    + "outside dnnc; dnnc has not touched it and its records are still in it (the H2 tools open it as the "
                    + "user that made it): keep it, and give new runs another --runs folder", e);
        }
        if (e.getErrorCode() == ErrorCode.FILE_CORRUPTED_1) {
            return new InvalidInputException(databaseFile + " is corrupted (" + Database.firstLine(e) + "); dnnc has not changed it: "
                    + recoverHint(), e);
        }
        String reason = switch (e.getErrorCode()) {
            case 90048 -> "was written by an H2 version this dnnc cannot read";
            case 90020 -> "is locked by another program that opened it without AUTO_SERVER";
            default -> "cannot be opened";
        };
        return new InvalidInputException(databaseFile + " " + reason + " (" + Database.firstLine(e)
                + "); dnnc does not repair or replace it: move it away or choose another --runs folder", e);
    }

    @Override
    public InvalidInputException readerRefused(SQLException e) {
        return new InvalidInputException(databaseFile + ": dnnc's read-only user " + Database.READER_USER
                + " cannot log in even after dnnc reset its credentials (" + Database.firstLine(e) + "); the records are "
                + "unharmed (dnnc runs list|show read them as the owner): keep the file, and report this as a dnnc bug", e);
    }

    private static JdbcDataSource dataSource(String url, String user, String password) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    /** The operating system's word for a full or read-only disk, if that is what H2 ran into. */
    private static String diskProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String known : new String[] {"No space left on device", "Disk quota exceeded", "Read-only file system"}) {
                if (message.contains(known)) {
                    return known;
                }
            }
        }
        return null;
    }

    private boolean hasMvStoreHeader() {
        try (InputStream in = Files.newInputStream(databaseFile)) {
            return Arrays.equals(in.readNBytes(MVSTORE_HEADER.length), MVSTORE_HEADER);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + databaseFile + ": " + e.getMessage(), e);
        }
    }
}

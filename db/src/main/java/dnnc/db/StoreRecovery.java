package dnnc.db;

import dnnc.api.InvalidInputException;
import org.h2.api.ErrorCode;
import org.h2.tools.Recover;
import org.h2.tools.RunScript;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Salvages the records of a damaged H2 store: H2's recovery tool reads every page it still can into a script, the
 * script builds a new store beside the old one, and only a new store that opens and reads whole replaces the old
 * file, which is kept under another name. A store whose every row reads is left alone.
 */
final class StoreRecovery {
    private static final String RUNS = "RUNS";
    /**
     * Checking opens the store read only, so it changes nothing in the file, and without AUTO_SERVER: the shared lock a
     * read-only store takes is refused while another process has the file open, and recovering a store another
     * process is writing to would lose its writes.
     */
    private static final String READ_ONLY = ";ACCESS_MODE_DATA=r";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private StoreRecovery() {
    }

    static StoreRecoveryReport recover(Path runsDir) {
        StoreLocation location = StoreLocation.of(runsDir);
        if (!Files.exists(location.databaseFile())) {
            throw new InvalidInputException("no record store to recover: " + location.databaseFile() + " does not exist");
        }
        return OpeningLock.holding(location, () -> {
            long runsOnRecord = new RunWatermark(location).read();
            String damage = damage(location, runsOnRecord);
            if (damage == null) {
                return new StoreRecoveryReport(location.databaseFile(), null, null, runsOnRecord, Map.of());
            }
            return rebuild(location, damage, runsOnRecord);
        });
    }

    /**
     * Why the store cannot be used as it is, or null when it opens, every row of every table reads, and it holds as
     * many runs as it was seen to (H2 opens a damaged file in an older state without a word).
     */
    private static String damage(StoreLocation location, long runsOnRecord) {
        try (Connection connection = DriverManager.getConnection(location.jdbcUrl(READ_ONLY), Database.OWNER_USER,
                Database.OWNER_PASSWORD)) {
            long runs = readEveryRow(connection).getOrDefault(RUNS, 0L);
            return runs < runsOnRecord ? "it holds " + runs + " runs where " + runsOnRecord + " were recorded: H2 opened "
                    + "an older state of it" : null;
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new InvalidInputException(location.databaseFile() + " is open in another process (a dnnc command, "
                        + "dnnc serve, or an H2 tool); end it, then recover", e);
            }
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw location.unusable(e);
            }
            return Database.firstLine(e);
        }
    }

    private static Map<String, Long> readEveryRow(Connection connection) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : tables(connection)) {
            long count = 0;
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM \"PUBLIC\".\"" + table + "\"");
                 ResultSet r = select.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    for (int c = 1; c <= columns; c++) {
                        readWhole(r.getObject(c));
                    }
                    count++;
                }
            }
            rows.put(table, count);
        }
        return rows;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME");
             ResultSet r = query.executeQuery()) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        return tables;
    }

    /** Large values are read lazily: a damaged page behind one shows only when its bytes are read. */
    private static void readWhole(Object value) throws SQLException {
        try {
            if (value instanceof Blob blob) {
                try (InputStream in = blob.getBinaryStream()) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            } else if (value instanceof Clob clob) {
                try (Reader in = clob.getCharacterStream()) {
                    in.transferTo(Writer.nullWriter());
                }
            }
        } catch (IOException e) {
            throw new SQLException("cannot read a stored value: " + e.getMessage(), e);
        }
    }

    private static StoreRecoveryReport rebuild(StoreLocation location, String damage, long runsOnRecord) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory(location.runsDir(), ".recovering-");
            Path readable = scratch.resolve(StoreLocation.BASE_NAME + ".mv.db");
            Files.copy(location.databaseFile(), readable);
            Recover.execute(scratch.toString(), StoreLocation.BASE_NAME);
            Path script = scratch.resolve("restorable.sql");
            RecoveryScript.rewrite(scratch.resolve(StoreLocation.BASE_NAME + ".h2.sql"), script);
            StoreLocation rebuilt = StoreLocation.of(scratch).beside("rebuilt");
            Map<String, Long> rows;
            try (Connection connection = DriverManager.getConnection(rebuilt.jdbcUrl(""), Database.OWNER_USER,
                    Database.OWNER_PASSWORD);
                 Reader statements = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
                RunScript.execute(connection, statements);
                rows = readEveryRow(connection);
            }
            if (!rows.containsKey(RUNS)) {
                throw new InvalidInputException("cannot recover " + location.databaseFile() + ": H2's recovery could read "
                        + "none of its records (" + damage + "); the store is untouched: restore a copy if you have one");
            }
            Database check = Database.connect(rebuilt); // the rebuilt store must be one dnnc opens: schema history intact
            try {
                Migrations.apply(check);
            } finally {
                check.close();
            }
            Path kept = location.runsDir().resolve(StoreLocation.BASE_NAME + ".damaged-" + LocalDateTime.now().format(STAMP) + ".mv.db");
            keepAside(location.databaseFile(), kept);
            // one rename replaces the file: a recovery stopped at any point leaves records.mv.db, old or new, in place
            Files.move(rebuilt.databaseFile(), location.databaseFile(), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            new RunWatermark(location).reset(rows.get(RUNS));
            return new StoreRecoveryReport(location.databaseFile(), kept, damage, runsOnRecord, rows);
        } catch (IOException e) {
            throw new InvalidInputException("cannot recover " + location.databaseFile() + " (" + e.getMessage()
                    + "); the store is untouched: free some space or check the folder's rights", e);
        } catch (SQLException e) {
            throw new InvalidInputException("cannot recover " + location.databaseFile() + ": H2's recovery could not "
                    + "rebuild it (" + Database.firstLine(e) + "); the store is untouched", e);
        } finally {
            deleteTree(scratch);
        }
    }

    /** A second name for the damaged file (a copy where the file system has no hard links), before it is replaced. */
    private static void keepAside(Path file, Path kept) throws IOException {
        try {
            Files.createLink(kept, file);
        } catch (UnsupportedOperationException | IOException e) {
            Files.deleteIfExists(kept);
            Files.copy(file, kept);
        }
    }

    private static void deleteTree(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a scratch folder left behind is named .recovering-* and holds nothing the store needs
        }
    }
}

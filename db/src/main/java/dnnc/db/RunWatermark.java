package dnnc.db;

import dnnc.api.InvalidInputException;
import dnnc.io.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The most runs the store has been seen to hold, kept beside it ({@code records.watermark}). H2 opens a damaged
 * file by falling back to an older state, or to an empty one, without a word; fewer runs than the watermark
 * show that happened, and the store is then reported rather than used (dnnc never deletes runs). Updates may
 * race between processes, but each writes a count it read from the store, so the mark can only lag, never lead.
 */
final class RunWatermark {
    private final Path file;
    private final StoreLocation location;

    RunWatermark(StoreLocation location) {
        this.location = location;
        this.file = location.runsDir().resolve(StoreLocation.BASE_NAME + ".watermark");
    }

    /**
     * Refuses a store holding fewer runs than it once did; call right after connecting, before migrations or
     * anything else writes to it. (H2 itself may already have rewritten the file's header while opening it.)
     */
    void check(Database database) {
        long mark = read();
        if (mark == 0) {
            return;
        }
        long runs = database.transaction(connection -> hasRunsTable(connection) ? count(connection) : 0L);
        if (runs < mark) {
            throw new InvalidInputException(location.databaseFile() + " is damaged: it held " + mark + " runs and now shows " + runs
                    + " (H2 fell back to an older state); dnnc does not repair it in place: " + location.recoverHint()
                    + ", or restore a copy");
        }
    }

    /** A store file that is gone was moved away on purpose: a new one starts from nothing. */
    void forgetIfStoreIsGone() {
        if (!Files.exists(location.databaseFile())) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new RecordStoreException("cannot remove the stale " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean hasRunsTable(Connection connection) throws SQLException {
        try (PreparedStatement tables = connection.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'RUNS'");
             ResultSet t = tables.executeQuery()) {
            t.next();
            return t.getLong(1) > 0;
        }
    }

    /** Raises the mark to what the store holds now. */
    void update(Database database) {
        long runs = database.transaction(RunWatermark::count);
        if (runs > read()) {
            reset(runs);
        }
    }

    /** Sets the mark to what a rebuilt store holds: the user chose to go on with the runs that could be saved. */
    void reset(long runs) {
        try {
            AtomicFile.writeString(file, runs + "\n");
        } catch (UncheckedIOException e) {
            throw new RecordStoreException("cannot write " + file + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    long read() {
        try {
            return Files.exists(file) ? Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim()) : 0;
        } catch (IOException | NumberFormatException e) {
            throw new InvalidInputException(file + " cannot be read (" + e.getMessage() + "); it guards " + location.databaseFile()
                    + " against silent loss: restore it or move both away", e);
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM runs");
             ResultSet r = query.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}

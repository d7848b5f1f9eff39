package dnnc.db;

import dnnc.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A store written by an older dnnc (schema V1: no unit_results) opened by this one. */
class StoreUpgradeTest {
    @TempDir
    Path runs;

    @Test
    void anOlderStoreIsUpgradedWithItsRunsKept() throws Exception {
        String runId = olderStoreWithOneRun();
        try (RecordStore store = RecordStore.open(runs)) {
            assertEquals(List.of(runId), store.listRuns(RunFilter.all()).stream().map(RunSummary::id).toList());
        }
        assertEquals(List.of("1", "2"), appliedVersions());
        assertTrue(hasTable("UNIT_RESULTS"));
        assertNoTemporaryFiles();
    }

    /** What a process stopped in its upgrade leaves: the new table made on the copy, Flyway's record of it not yet written. */
    @Test
    void anUpgradeStoppedHalfwayLeavesTheStoreAsItWasAndTheNextOpenUpgradesIt() throws Exception {
        String runId = olderStoreWithOneRun();
        StoreLocation location = StoreLocation.of(runs);
        byte[] before = Files.readAllBytes(location.databaseFile());
        IllegalStateException stopped = assertThrows(IllegalStateException.class, () -> FreshStore.upgrade(location, database -> {
            execute(database, "CREATE TABLE unit_results (run_id VARCHAR(64))");
            throw new IllegalStateException("stopped");
        }));
        assertEquals("stopped", stopped.getMessage());
        assertArrayEquals(before, Files.readAllBytes(location.databaseFile()), "the store is byte for byte as it was");
        assertNoTemporaryFiles();

        try (RecordStore store = RecordStore.open(runs)) {
            assertEquals(List.of(runId), store.listRuns(RunFilter.all()).stream().map(RunSummary::id).toList());
        }
        assertEquals(List.of("1", "2"), appliedVersions());
    }

    @Test
    void aCopyLeftByAKilledUpgradeIsReplaced() throws Exception {
        olderStoreWithOneRun();
        Files.write(runs.resolve(FreshStore.UPGRADING + ".mv.db"), "half a copy".getBytes(StandardCharsets.UTF_8));
        try (RecordStore store = RecordStore.open(runs)) {
            assertEquals(1, store.listRuns(RunFilter.all()).size());
        }
        assertEquals(List.of("1", "2"), appliedVersions());
        assertNoTemporaryFiles();
    }

    /** A copy would miss what the other process writes after it was taken, so the store is not upgraded under it. */
    @Test
    void anUpgradeWaitsUntilNoOtherProcessHasTheStoreOpen() throws Exception {
        String runId = olderStoreWithOneRun();
        Process holder = RecordingProcess.start("hold", runs.toString());
        try {
            assertEquals("READY", RecordingProcess.firstLine(holder));
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> RecordStore.open(runs));
            assertTrue(refused.getMessage().contains("needs its record schema upgraded"), refused.getMessage());
            assertTrue(refused.getMessage().contains("another process has it open"), refused.getMessage());
        } finally {
            holder.destroyForcibly();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        try (RecordStore store = RecordStore.open(runs)) {
            assertEquals(List.of(runId), store.listRuns(RunFilter.all()).stream().map(RunSummary::id).toList());
        }
        assertEquals(List.of("1", "2"), appliedVersions());
    }

    /** A store as dnnc before V2 left it: one finished run, no unit_results table, Flyway's record of V1 only. */
    private String olderStoreWithOneRun() throws Exception {
        String runId;
        try (RecordStore store = RecordStore.open(runs)) {
            RunHandle run = store.startRun(Fixtures.newRun("w.yaml", 1));
            run.finish(RunStatus.SUCCEEDED, null);
            runId = run.id();
        }
        Database database = Database.connect(StoreLocation.of(runs));
        try {
            execute(database, "DROP TABLE unit_results");
            execute(database, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '2'");
        } finally {
            database.close();
        }
        assertFalse(hasTable("UNIT_RESULTS"));
        return runId;
    }

    private List<String> appliedVersions() {
        return query("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
    }

    private boolean hasTable(String name) {
        return !query("SELECT table_name FROM information_schema.tables WHERE table_name = '" + name + "'").isEmpty();
    }

    private List<String> query(String sql) {
        Database database = Database.connect(StoreLocation.of(runs));
        try {
            return database.transaction(connection -> {
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                    List<String> values = new java.util.ArrayList<>();
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                    return values;
                }
            });
        } finally {
            database.close();
        }
    }

    private static void execute(Database database, String sql) {
        try (Connection owner = database.ownerDataSource().getConnection(); Statement statement = owner.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertNoTemporaryFiles() throws Exception {
        try (var files = Files.list(runs)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith(FreshStore.UPGRADING) || name.startsWith(FreshStore.CREATING)).toList());
        }
    }
}

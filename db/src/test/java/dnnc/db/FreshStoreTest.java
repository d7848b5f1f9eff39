package dnnc.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreshStoreTest {
    @TempDir
    Path runs;

    /** What a process stopped in its first migration leaves: a table made, Flyway's record of it not yet written. */
    @Test
    void aCreationStoppedHalfwayLeavesNoStoreAndTheNextOpenMakesAWholeOne() throws Exception {
        StoreLocation location = StoreLocation.of(runs);
        location.prepare();
        IllegalStateException stopped = assertThrows(IllegalStateException.class, () -> FreshStore.create(location, database -> {
            try (Connection owner = database.ownerDataSource().getConnection(); Statement sql = owner.createStatement()) {
                sql.execute("CREATE TABLE runs (id VARCHAR(64) PRIMARY KEY)");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("stopped");
        }));
        assertEquals("stopped", stopped.getMessage());
        assertFalse(Files.exists(location.databaseFile()), "no half-made store under the store's name");
        assertNoTemporaryFiles();

        try (RecordStore store = RecordStore.open(runs)) {
            store.startRun(Fixtures.newRun("w.yaml", 1)).finish(RunStatus.SUCCEEDED, null);
        }
        try (RecordStore store = RecordStore.open(runs)) {
            assertEquals(1, store.listRuns(RunFilter.all()).size());
        }
    }

    @Test
    void aTemporaryStoreLeftByAKilledCreationIsReplaced() throws Exception {
        Files.createDirectories(runs);
        Files.write(runs.resolve(FreshStore.CREATING + ".mv.db"), "half a store".getBytes(StandardCharsets.UTF_8));
        Files.write(runs.resolve(FreshStore.CREATING + ".trace.db"), "its trace".getBytes(StandardCharsets.UTF_8));
        try (RecordStore store = RecordStore.open(runs)) {
            store.startRun(Fixtures.newRun("w.yaml", 1)).finish(RunStatus.SUCCEEDED, null);
        }
        assertTrue(Files.exists(runs.resolve("records.mv.db")));
        assertNoTemporaryFiles();
    }

    private void assertNoTemporaryFiles() throws Exception {
        try (var files = Files.list(runs)) {
            assertEquals(java.util.List.of(), files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith(FreshStore.CREATING)).toList());
        }
    }
}

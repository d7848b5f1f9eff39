package dnnc.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LivenessTest {
    @TempDir
    Path runs;

    @Test
    void runsOfVanishedOrReplacedProcessesBecomeInterruptedOthersStay() throws Exception {
        try (RecordStore store = RecordStore.open(runs)) {
            RunHandle alive = store.startRun(Fixtures.newRun("alive.yaml", 1));
            RunHandle deadPid = store.startRun(Fixtures.newRun("dead.yaml", 2));
            RunHandle reusedPid = store.startRun(Fixtures.newRun("reused.yaml", 3));
            RunHandle otherHost = store.startRun(Fixtures.newRun("remote.yaml", 4));
            deadPid.startStep("train", "trainer", "cvae", Map.of());
            long freePid = freePid();
            update("UPDATE runs SET pid = ? WHERE id = ?", freePid, deadPid.id());
            // our own pid, but a start time an hour off: the pid now names some other process
            update("UPDATE runs SET process_started_at = DATEADD(HOUR, -1, process_started_at) WHERE id = ?", reusedPid.id());
            update("UPDATE runs SET pid = ?, host = 'elsewhere' WHERE id = ?", freePid, otherHost.id());

            assertEquals(List.of(deadPid.id(), reusedPid.id()), store.markAbandonedRunsInterrupted());
            assertEquals(RunStatus.RUNNING, store.summary(alive.id()).status());
            assertEquals(RunStatus.RUNNING, store.summary(otherHost.id()).status());
            RunDetails dead = store.showRun(deadPid.id());
            assertEquals(RunStatus.INTERRUPTED, dead.summary().status());
            assertTrue(dead.summary().error().startsWith("process " + freePid + " on "), dead.summary().error());
            assertNull(dead.summary().endedAt(), "nobody saw it end");
            assertEquals(RunStatus.INTERRUPTED, dead.steps().get(0).status());
            assertEquals(List.of(), store.markAbandonedRunsInterrupted(), "already marked");
        }
    }

    private void update(String sql, Object... arguments) throws Exception {
        try (Connection owner = DriverManager.getConnection(StoreLocation.of(runs).ownerJdbcUrl(), Database.OWNER_USER,
                Database.OWNER_PASSWORD);
             PreparedStatement statement = owner.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            assertEquals(1, statement.executeUpdate());
        }
    }

    /** A pid no process has: the ended child of a short-lived process. */
    private static long freePid() throws Exception {
        Process child = new ProcessBuilder("true").start();
        child.waitFor();
        long pid = child.pid();
        assertTrue(ProcessHandle.of(pid).isEmpty(), "pid " + pid + " was reused at once");
        return pid;
    }
}

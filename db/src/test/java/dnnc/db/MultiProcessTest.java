package dnnc.db;

import dnnc.api.InvalidInputException;
import dnnc.api.Recorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real JVMs sharing one record store, as a running workflow and a `dnnc runs list` do. */
class MultiProcessTest {
    private static final int RESULTS = 40;

    @TempDir
    Path runs;

    @Test
    void twoProcessesAndTwoThreadsRecordAtOnce() throws Exception {
        List<Process> children = List.of(RecordingProcess.start("record", runs.toString(), "childA", "" + RESULTS),
                RecordingProcess.start("record", runs.toString(), "childB", "" + RESULTS));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> ours = new ArrayList<>();
            for (String label : List.of("threadA", "threadB")) {
                ours.add(threads.submit(() -> {
                    try (RecordStore store = RecordStore.open(runs)) {
                        RunHandle run = store.startRun(Fixtures.newRun("workflows/" + label + ".yaml", 7));
                        RecordingProcess.recordResults(run, label, RESULTS);
                        run.finish(RunStatus.SUCCEEDED, null);
                        return run.id();
                    }
                }));
            }
            for (Future<String> run : ours) {
                run.get(2, TimeUnit.MINUTES);
            }
            for (Process child : children) {
                String output = RecordingProcess.firstLine(child);
                assertTrue(child.waitFor(2, TimeUnit.MINUTES));
                assertEquals(0, child.exitValue(), output + new String(child.getErrorStream().readAllBytes()));
            }
        } finally {
            threads.shutdownNow();
            children.forEach(Process::destroyForcibly);
        }
        try (RecordStore store = RecordStore.open(runs)) {
            List<RunSummary> all = store.listRuns(new RunFilter(RunStatus.SUCCEEDED, null));
            assertEquals(4, all.size());
            for (RunSummary run : all) {
                String label = run.workflowPath().replace("workflows/", "").replace(".yaml", "");
                assertEquals(RESULTS, store.results(run.id()).get(label).size(), label);
                assertEquals(2, store.table(run.id(), label + "_table").rows().size());
            }
        }
    }

    @Test
    void aKilledProcessKeepsWhatItRecordedAndOthersCarryOn() throws Exception {
        Process child = RecordingProcess.start("hang", runs.toString(), "" + RESULTS);
        try {
            String ready = RecordingProcess.firstLine(child);
            assertTrue(ready.startsWith("READY "), ready);
            String childRun = ready.substring("READY ".length());
            // the child opened the store first, so it serves the file to us: killing it breaks our connection
            try (RecordStore store = RecordStore.open(runs)) {
                RunHandle ours = store.startRun(Fixtures.newRun("ours.yaml", 1));
                Recorder recorder = ours.recorder();
                recorder.result("before", 1);
                assertEquals(RunStatus.RUNNING, store.summary(childRun).status());
                child.destroyForcibly();
                assertTrue(child.waitFor(1, TimeUnit.MINUTES));

                recorder.result("after", 2);
                ours.finish(RunStatus.SUCCEEDED, null);
                assertEquals("{\"after\":2,\"before\":1}", Json.write(store.results(ours.id())));
                assertEquals(RunStatus.INTERRUPTED, store.showRun(childRun).summary().status());
                assertEquals(RESULTS, store.results(childRun).get("hang").size(), "every committed result survived");
                assertEquals(2, store.table(childRun, "hang_table").rows().size());
            }
        } finally {
            child.destroyForcibly();
        }
    }

    /**
     * The process serving the file ends normally while ours is writing through it: the writes in flight meet the
     * hand-over at random moments (socket gone, database closing or closed, a result set closed with it), and each
     * must be retried once ours serves the file, none lost and none failing. Six hand-overs, for six such moments.
     */
    @Test
    void writesCarryOnWhileTheServingProcessEndsNormally() throws Exception {
        int writes = 150;
        for (int handOver = 0; handOver < 6; handOver++) {
            Process child = RecordingProcess.start("serve-until-told", runs.toString());
            try {
                assertEquals("READY", RecordingProcess.firstLine(child)); // it serves the file: ours connects through it
                try (RecordStore store = RecordStore.open(runs)) {
                    RunHandle ours = store.startRun(Fixtures.newRun("workflows/writer.yaml", handOver));
                    Recorder recorder = ours.recorder();
                    for (int i = 0; i < writes; i++) {
                        if (i == writes / 3) {
                            child.getOutputStream().write('\n');
                            child.getOutputStream().flush();
                        }
                        recorder.array("a" + i, new int[] {256}, new double[256]);
                        recorder.result("r" + i, i);
                    }
                    ours.finish(RunStatus.SUCCEEDED, null);
                    assertEquals(writes, store.results(ours.id()).size(), "every write survived the hand-over");
                }
                assertTrue(child.waitFor(1, TimeUnit.MINUTES));
                assertEquals(0, child.exitValue(), new String(child.getErrorStream().readAllBytes()));
            } finally {
                child.destroyForcibly();
            }
        }
        try (RecordStore store = RecordStore.open(runs)) {
            assertEquals(12, store.listRuns(new RunFilter(RunStatus.SUCCEEDED, null)).size());
        }
    }

    /** Served by another process, the reader's session is remote: H2's parser still classifies the statement there. */
    @Test
    void queriesOnAStoreServedByAnotherProcessAreCheckedTheSameWay() throws Exception {
        Process child = RecordingProcess.start("hang", runs.toString(), "" + RESULTS);
        try {
            assertTrue(RecordingProcess.firstLine(child).startsWith("READY "));
            try (RecordStore store = RecordStore.open(runs)) {
                for (String sql : List.of("SET PASSWORD 'x'", "SELECT 1; SET PASSWORD 'x'", "CALL 1", "SET QUERY_TIMEOUT 1")) {
                    InvalidInputException refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                            () -> store.query(sql));
                    assertTrue(refused.getMessage().startsWith("query refused: "), refused.getMessage());
                }
                InvalidInputException cancelled = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                        () -> store.query("SELECT COUNT(*) FROM SYSTEM_RANGE(1, 1000000) a, SYSTEM_RANGE(1, 1000000) b "
                                + "WHERE a.X + b.X = 7", List.of(), java.time.Duration.ofMillis(300)));
                assertTrue(cancelled.getMessage().startsWith("query cancelled: "), cancelled.getMessage());
                assertEquals(List.of(List.of("" + RESULTS)), store.query("SELECT COUNT(*) FROM results WHERE path LIKE ?",
                        List.of("hang.%"), java.time.Duration.ofSeconds(60)).rows());
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
        }
    }

    /** Rebuilding a store another process is writing to would lose its writes: recover waits for the folder to be free. */
    @Test
    void recoveringAStoreAnotherProcessHasOpenIsRefused() throws Exception {
        Process child = RecordingProcess.start("hang", runs.toString(), "" + RESULTS);
        try {
            assertTrue(RecordingProcess.firstLine(child).startsWith("READY "));
            InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                    () -> RecordStore.recover(runs));
            assertTrue(e.getMessage().contains("is open in another process"), e.getMessage());
        } finally {
            child.destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
        }
        try (RecordStore store = RecordStore.open(runs)) {
            assertEquals(1, store.listRuns(new RunFilter(null, null)).size(), "the store was not touched");
        }
    }

    @Test
    void aFileLockedByAProgramWithoutAutoServerIsReported() throws Exception {
        RecordStore.open(runs).close();
        Process child = RecordingProcess.start("hold-without-auto-server", runs.toString());
        try {
            assertEquals("READY", RecordingProcess.firstLine(child));
            InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                    () -> RecordStore.open(runs));
            assertTrue(e.getMessage().contains("is locked by another program"), e.getMessage());
        } finally {
            child.destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
        }
    }
}

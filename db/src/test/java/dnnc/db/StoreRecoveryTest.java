package dnnc.db;

import dnnc.api.InvalidInputException;
import dnnc.api.Recorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `dnnc runs recover`: a sound store is left alone; a damaged one is rebuilt from what reads, the old file kept. */
class StoreRecoveryTest {
    @TempDir
    Path runs;

    @Test
    void aSoundStoreIsLeftAloneByteForByte() throws Exception {
        recordRuns(3);
        byte[] before = Files.readAllBytes(storeFile());
        StoreRecoveryReport report = RecordStore.recover(runs);
        assertFalse(report.rebuilt());
        assertArrayEquals(before, Files.readAllBytes(storeFile()));
        assertEquals(List.of(), damagedCopies());
    }

    @Test
    void aStoreInAnOlderStateIsRebuiltWithEveryRecordItHoldsAndTheOldFileKept() throws Exception {
        List<String> ids = recordRuns(3);
        Map<String, String> resultsBefore = new java.util.HashMap<>();
        Map<String, List<WarningRecord>> warningsBefore = new java.util.HashMap<>();
        try (RecordStore store = RecordStore.open(runs)) {
            for (String id : ids) {
                resultsBefore.put(id, store.resultsJson(id));
                warningsBefore.put(id, store.showRun(id).warnings());
            }
        }
        // as if H2 had opened the file in an older state: the watermark remembers five runs, the file shows three
        Files.writeString(runs.resolve("records.watermark"), "5\n", StandardCharsets.US_ASCII);
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> RecordStore.open(runs));
        assertTrue(refused.getMessage().contains("is damaged"), refused.getMessage());
        byte[] before = Files.readAllBytes(storeFile());

        StoreRecoveryReport report = RecordStore.recover(runs);

        assertTrue(report.rebuilt());
        assertEquals(5, report.runsOnRecord());
        assertEquals(3, report.runsRecovered());
        assertTrue(report.damage().contains("holds 3 runs where 5 were recorded"), report.damage());
        assertEquals(List.of(report.damagedCopy()), damagedCopies());
        assertArrayEquals(before, Files.readAllBytes(report.damagedCopy()), "the damaged file is kept as it was");
        try (RecordStore store = RecordStore.open(runs)) {
            assertEquals(3, store.listRuns(new RunFilter(null, null)).size());
            for (String id : ids) {
                assertEquals(resultsBefore.get(id), store.resultsJson(id));
                assertEquals(warningsBefore.get(id), store.showRun(id).warnings());
                assertArrayEquals(values(id), store.array(id, "weights").values());
                assertEquals(3, store.table(id, "pairs").rows().size());
            }
            // the warnings' generated ids go on after the copied ones
            RunHandle next = store.startRun(Fixtures.newRun("workflows/after.yaml", 9));
            next.recorder().warning("after the recovery");
            next.finish(RunStatus.SUCCEEDED, null);
            assertEquals(1, store.showRun(next.id()).warnings().size());
        }
        assertFalse(RecordStore.recover(runs).rebuilt(), "the rebuilt store is sound");
    }

    @Test
    void aFileFromWhichNothingCanBeReadIsLeftUntouched() throws Exception {
        recordRuns(2);
        garbleAllButTheHeaders();
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> RecordStore.open(runs));
        assertTrue(refused.getMessage().contains("dnnc runs recover"),
                refused.getMessage());
        byte[] before = Files.readAllBytes(storeFile());

        InvalidInputException failed = assertThrows(InvalidInputException.class, () -> RecordStore.recover(runs));

        assertTrue(failed.getMessage().contains("could read none of its records"), failed.getMessage());
        assertArrayEquals(before, Files.readAllBytes(storeFile()));
        assertEquals(List.of(), damagedCopies());
        try (Stream<Path> left = Files.list(runs)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".recovering-")), "scratch removed");
        }
    }

    @Test
    void aFolderWithoutAStoreIsReported() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RecordStore.recover(runs.resolve("none")));
        assertTrue(e.getMessage().startsWith("no record store to recover: "), e.getMessage());
    }

    private List<String> recordRuns(int count) {
        List<String> ids = new ArrayList<>();
        try (RecordStore store = RecordStore.open(runs)) {
            for (int i = 0; i < count; i++) {
                RunHandle run = store.startRun(Fixtures.newRun("workflows/kept" + i + ".yaml", i));
                StepHandle step = run.startStep("s", "test", "kept", Map.of("i", i));
                Recorder recorder = step.recorder();
                recorder.result("score", 0.5 + i);
                recorder.array("weights", new int[] {2, 500}, values(run.id()));
                recorder.table("pairs", List.of("a", "b"), List.of(List.of(1, 2), List.of(3, 4), List.of(5, 6)));
                recorder.warning("warning " + i);
                step.finish(RunStatus.SUCCEEDED, null);
                run.finish(RunStatus.SUCCEEDED, null);
                ids.add(run.id());
            }
        }
        return ids;
    }

    private static double[] values(String runId) {
        java.util.Random random = new java.util.Random(runId.hashCode());
        return random.doubles(1000).toArray();
    }

    /** Keeps the file's two header blocks (it still reads as an H2 store) and overwrites every chunk. */
    private void garbleAllButTheHeaders() throws Exception {
        byte[] file = Files.readAllBytes(storeFile());
        java.util.Arrays.fill(file, 2 * 4096, file.length, (byte) 0x55);
        Files.write(storeFile(), file);
    }

    private Path storeFile() {
        return runs.resolve("records.mv.db");
    }

    private List<Path> damagedCopies() throws Exception {
        try (Stream<Path> files = Files.list(runs)) {
            return files.filter(p -> p.getFileName().toString().startsWith("records.damaged-")).toList();
        }
    }
}

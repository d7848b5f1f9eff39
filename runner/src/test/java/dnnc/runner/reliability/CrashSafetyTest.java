package dnnc.runner.reliability;

import dnnc.db.RecordStore;
import dnnc.db.RunFilter;
import dnnc.db.RunStatus;
import dnnc.db.RunSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real runs in their own JVM, SIGKILLed in training, the report, ACE, clustering and while a stage writes its
 * records. After each kill the store opens, the earlier run is exactly as it was, the killed run is listed as
 * interrupted, and the model cache holds only whole models; killed runs can be rerun.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashSafetyTest {
    @TempDir
    static Path work;
    private Path runs;
    private Path cache;
    private Path pipeline;
    private String earlierRun;
    private String earlierRecord;

    @BeforeAll
    void oneFinishedRunToProtect() {
        runs = work.resolve("runs");
        cache = work.resolve("cache");
        pipeline = Cli.resource("pipeline.yaml");
        Cli first = Cli.dnnc("run", pipeline.toString(), "--runs", runs.toString(), "--cache", cache.toString()).assertSucceeded();
        earlierRun = first.runId();
        earlierRecord = record(earlierRun);
    }

    @Test
    @Order(1)
    void killedInTrainingLeavesNoModelAndRerunTrainsAfresh() throws Exception {
        String killed = killAt(line -> line.startsWith("[train cbeta-vae]"), "seed=7");
        assertOnlyWholeModels();
        assertEquals(1, models().size(), "only the earlier run's model is cached: " + models());
        // what a crash in the middle of writing would leave: a temporary file, never under a model's name
        Files.write(cache.resolve("cbeta-vae").resolve(models().get(0).getFileName() + "123.part"), new byte[] {1, 2, 3});

        Cli rerun = Cli.dnnc("runs", "rerun", killed, "--runs", runs.toString(), "--cache", cache.toString()).assertSucceeded();
        assertTrue(rerun.err().contains("[train cbeta-vae]"), "the rerun trains rather than loading anything: " + rerun.err());
        assertEquals(RunStatus.SUCCEEDED, status(rerun.runId()));
        assertOnlyWholeModels();
        assertEquals(2, models().size(), models().toString());
    }

    @Test
    @Order(2)
    void killedWhileMeasuringTheLatentsShapes() throws Exception {
        killAt(line -> line.startsWith("[latent-shapes]") && !line.contains("done"));
    }

    @Test
    @Order(3)
    void killedDuringAce() throws Exception {
        killAt(line -> line.startsWith("[attribution ace-monte-carlo]") && !line.contains("done"), "draws=3000");
    }

    @Test
    @Order(4)
    void killedDuringClustering() throws Exception {
        killAt(line -> line.startsWith("[clustering affinity-propagation]") && !line.contains("done"), "clustering=affinity-propagation");
    }

    @Test
    @Order(5)
    void killedWhileAStageWritesItsRecordsThenRerun() throws Exception {
        String killed = killAt(line -> line.startsWith("[similarity spearman] done"));
        Cli rerun = Cli.dnnc("runs", "rerun", killed, "--runs", runs.toString(), "--cache", cache.toString()).assertSucceeded();
        assertFalse(rerun.err().contains("[train cbeta-vae]"), "the cached model is loaded: " + rerun.err());
        assertEquals(RunStatus.SUCCEEDED, status(rerun.runId()));
    }

    /** Starts a run, SIGKILLs it at the first stderr line matching {@code marker}, checks the store; the killed id. */
    private String killAt(Predicate<String> marker, String... parameters) throws Exception {
        Set<String> before = ids();
        List<String> args = new ArrayList<>(List.of("run", pipeline.toString(), "--runs", runs.toString(), "--cache", cache.toString()));
        args.addAll(List.of(parameters));
        try (DnncProcess run = DnncProcess.start(work.resolve("stdout.txt"), args.toArray(String[]::new))) {
            run.awaitLine(marker);
            run.kill();
        }
        Set<String> after = ids();
        after.removeAll(before);
        assertEquals(1, after.size(), "the killed run is on record: " + after);
        String killed = after.iterator().next();

        Cli list = Cli.dnnc("runs", "list", "--runs", runs.toString()).assertSucceeded();
        String line = list.out().lines().filter(l -> l.startsWith(killed)).findFirst().orElseThrow();
        assertTrue(line.contains("interrupted"), "listed as interrupted: " + line);
        assertEquals(earlierRecord, record(earlierRun), "the earlier run is exactly as it was");
        assertOnlyWholeModels();
        return killed;
    }

    private Set<String> ids() {
        try (RecordStore store = RecordStore.open(runs)) {
            return store.listRuns(new RunFilter(null, null)).stream().map(RunSummary::id).collect(Collectors.toSet());
        }
    }

    private RunStatus status(String runId) {
        try (RecordStore store = RecordStore.open(runs)) {
            return store.summary(runId).status();
        }
    }

    private String record(String runId) {
        try (RecordStore store = RecordStore.open(runs)) {
            return store.showRun(runId).toString();
        }
    }

    private List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("cbeta-vae"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".model")).sorted().toList();
        }
    }

    /** Every file under a model's name ends with the sha256 of what precedes it: it was written whole. */
    private void assertOnlyWholeModels() throws IOException {
        for (Path model : models()) {
            byte[] bytes = Files.readAllBytes(model);
            byte[] body = Arrays.copyOf(bytes, bytes.length - 32);
            assertEquals(StoreDigest.sha256(body), java.util.HexFormat.of().formatHex(bytes, bytes.length - 32, bytes.length),
                    model + " is whole");
        }
    }
}

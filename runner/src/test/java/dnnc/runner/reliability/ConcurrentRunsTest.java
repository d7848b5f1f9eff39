package dnnc.runner.reliability;

import dnnc.db.RecordStore;
import dnnc.db.RunFilter;
import dnnc.db.RunStatus;
import dnnc.db.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three dnnc processes run at once on one runs folder and one model cache (two of them train the same model,
 * so they write the same cache entry at the same time); `runs list` and `query` work while they write.
 */
class ConcurrentRunsTest {
    @TempDir
    Path work;

    @Test
    void threeRunsAtOnceAreAllRecordedAndListingWorksMeanwhile() throws Exception {
        Path runs = work.resolve("runs");
        Path cache = work.resolve("cache");
        Path model = Cli.resource("model.yaml");
        List<DnncProcess> processes = new ArrayList<>();
        int listings = 0;
        try {
            for (String seed : List.of("seed=11", "seed=11", "seed=12")) {
                processes.add(DnncProcess.start(work.resolve("out-" + processes.size() + ".txt"),
                        "run", model.toString(), seed, "--runs", runs.toString(), "--cache", cache.toString()));
            }
            // list while they write: wait until each has begun a step (it is on record then), then list once more after
            // each ends. A run may find the model its twin of the same seed cached, never train and end without a
            // line on stderr, and on a loaded machine a run may end before the listing, so each is running or done.
            for (DnncProcess p : processes) {
                p.awaitLineOrEnd(line -> line.startsWith("["));
            }
            Cli list = Cli.dnnc("runs", "list", "--runs", runs.toString()).assertSucceeded();
            assertEquals(3, list.out().lines().filter(l -> l.contains(" running ") || l.contains(" succeeded ")).count(), list.out());
            listings++;
            for (DnncProcess p : processes) {
                assertEquals(0, p.waitFor(), p.stderrSoFar());
                Cli query = Cli.dnnc("query", "SELECT COUNT(*) FROM runs", "--csv", "--runs", runs.toString()).assertSucceeded();
                assertTrue(query.out().contains("3"), query.out());
                listings++;
            }
        } finally {
            processes.forEach(DnncProcess::close);
        }
        assertEquals(4, listings);
        try (RecordStore store = RecordStore.open(runs)) {
            List<RunSummary> all = store.listRuns(new RunFilter(null, null));
            assertEquals(3, all.size());
            assertTrue(all.stream().allMatch(r -> r.status() == RunStatus.SUCCEEDED), all.toString());
            for (RunSummary run : all) {
                assertTrue(Files.exists(runs.resolve(run.id()).resolve("results.json")), run.id());
                assertTrue(store.showRun(run.id()).steps().stream().allMatch(s -> s.status() == RunStatus.SUCCEEDED), run.id());
            }
        }
        try (Stream<Path> files = Files.list(cache.resolve("cbeta-vae"))) {
            assertEquals(2, files.filter(p -> p.toString().endsWith(".model")).count(), "one model per seed");
        }
        Cli reuse = Cli.dnnc("run", model.toString(), "seed=11", "--runs", runs.toString(), "--cache", cache.toString()).assertSucceeded();
        assertTrue(!reuse.err().contains("[train cbeta-vae]"), "the model written twice at once loads whole: " + reuse.err());
    }
}

package dnnc.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dnnc.api.SeedRule;
import dnnc.db.RecordStore;
import dnnc.db.StepRecord;
import dnnc.runner.reliability.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed rule and fixed-order reductions on a real workflow: an analysis looped three times by a workflow that
 * gives no seed at all. Repeats must draw differently from the main analysis and from each other; a rerun, and a
 * run with another thread count, must give results.json byte for byte (but for the run's id). The chunk size is a
 * parameter of the estimate like the number of draws: chunks' moments are merged in chunk order, so another chunk
 * size sums in another order (and differs in the last bits).
 */
class ReproducibilityTest {
    @TempDir
    static Path cache;
    @TempDir
    static Path runs;

    private static Path workflow;

    @BeforeAll
    static void locateWorkflow() throws URISyntaxException {
        workflow = Path.of(ReproducibilityTest.class.getResource("/workflows/unseeded-repeats.yaml").toURI());
    }

    private static Path run(String... parameters) {
        List<String> args = new ArrayList<>(List.of("run", workflow.toString(), "--runs", runs.toString(), "--cache", cache.toString()));
        args.addAll(List.of(parameters));
        return folderOf(Cli.dnnc(args.toArray(String[]::new)));
    }

    private static Path folderOf(Cli cli) {
        assertEquals(0, cli.exit(), cli.err());
        String[] lines = cli.out().strip().split("\n");
        return Path.of(lines[lines.length - 1]);
    }

    /** results.json with the run's own id taken out: everything else is what the run computed. */
    private static String resultsOf(Path folder) throws Exception {
        return Files.readString(folder.resolve("results.json"), StandardCharsets.UTF_8)
                .replace(folder.getFileName().toString(), "<run-id>");
    }

    @Test
    void repeatsOfAnUnseededLoopDrawDifferentlyAndEveryRerunGivesTheSameBits() throws Exception {
        Path first = run();
        JsonNode results = new ObjectMapper().readTree(first.resolve("results.json").toFile());
        Set<String> totals = new HashSet<>();
        for (String prefix : List.of("", "/repeats/1", "/repeats/2")) {
            JsonNode total = results.at(prefix + "/ace/total_effect/z_1");
            assertTrue(total.isNumber(), prefix + " recorded its ACE: " + results);
            totals.add(total.asText());
        }
        assertEquals(3, totals.size(), "the main analysis and each repeat drew their own noise: " + totals);

        String runId = first.getFileName().toString();
        try (RecordStore store = RecordStore.open(runs)) {
            List<StepRecord> steps = store.showRun(runId).steps();
            long runSeed = store.showRun(runId).summary().seed();
            List<String> attributionSeeds = steps.stream().filter(s -> s.stepId().startsWith("attribution:"))
                    .map(s -> s.parameters().get("seed").asText()).toList();
            assertEquals(List.of("-1",
                    Long.toString(SeedRule.forRepeat(runSeed, 1, "attribution:ace-monte-carlo")),
                    Long.toString(SeedRule.forRepeat(runSeed, 2, "attribution:ace-monte-carlo"))), attributionSeeds,
                    "each repeat is recorded with the seed the rule gave it");
        }

        String original = resultsOf(first);
        Path rerun = folderOf(Cli.dnnc("runs", "rerun", runId, "--runs", runs.toString(), "--cache", cache.toString()));
        assertEquals(original, resultsOf(rerun), "a rerun gives the same bits");
        Path otherThreads = run("threads=1");
        assertEquals(original, resultsOf(otherThreads), "one thread gives the same bits as two");
    }
}

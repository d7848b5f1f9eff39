package dnnc.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dnnc.db.RecordStore;
import dnnc.runner.reliability.Cli;
import dnnc.db.RunDetails;
import dnnc.db.RunStatus;
import dnnc.db.RunSummary;
import dnnc.db.StepRecord;
import dnnc.db.RunFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real workflows on the embedded data, recorded in a real H2 file: the runner's end-to-end behaviour. */
class WorkflowRunTest {
    @TempDir
    static Path sharedCache;
    @TempDir
    Path runs;

    private static Path workflow;

    @BeforeAll
    static void locateWorkflow() throws URISyntaxException {
        workflow = Path.of(WorkflowRunTest.class.getResource("/workflows/small.yaml").toURI());
    }

    private String[] run(String... parameters) {
        List<String> args = new ArrayList<>(List.of("run", workflow.toString(), "--runs", runs.toString(), "--cache", sharedCache.toString()));
        args.addAll(List.of(parameters));
        return args.toArray(String[]::new);
    }

    @Test
    void runsARealWorkflowOnRecordAndWritesResults() throws Exception {
        Cli cli = Cli.dnnc(run());
        assertEquals(0, cli.exit(), cli.err());
        String[] lines = cli.out().strip().split("\n");
        Path folder = Path.of(lines[lines.length - 1]);
        assertTrue(Files.isDirectory(folder), "last line is the run folder: " + cli.out());
        String runId = folder.getFileName().toString();
        assertTrue(lines[lines.length - 2].contains(runId) && lines[lines.length - 2].contains("succeeded"), cli.out());

        JsonNode results = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
        assertEquals(runId, results.get("run_id").asText());
        assertEquals("succeeded", results.get("status").asText());
        assertEquals(10, results.at("/model/kl_per_latent").size());
        assertTrue(results.at("/ink/mean_per_image").asDouble() > 10, "third-party plugin recorded its result");

        try (RecordStore store = RecordStore.open(runs)) {
            RunDetails details = store.showRun(runId);
            assertEquals(RunStatus.SUCCEEDED, details.summary().status());
            assertEquals(List.of("data:mnist-idx", "report:ink-report", "model:cbeta-vae", "attribution:ace-monte-carlo",
                    "similarity:spearman", "clustering:agglomerative"), details.steps().stream().map(StepRecord::stepId).toList());
            assertTrue(details.steps().stream().allMatch(s -> s.status() == RunStatus.SUCCEEDED));
            assertEquals("1000", details.flatParameters().get("train").asText());
            assertTrue(details.provenance().containsKey("nd4j.backend"), details.provenance().toString());
            assertTrue(details.inputHashes().keySet().stream().anyMatch(k -> k.contains("images")), details.inputHashes().toString());
            assertTrue(details.artifacts().size() > 5, "figures and tables recorded as artifacts");
        }
    }

    /** The README's `./dnnc run` uses the default, relative runs folder: artifacts must resolve against it once. */
    @Test
    void aRelativeRunsFolderWorksAsTheDefaultOneMust() {
        Path relative = Path.of("").toAbsolutePath().relativize(runs);
        Cli cli = Cli.dnnc("run", workflow.toString(), "--runs", relative.toString(), "--cache", sharedCache.toString());
        assertEquals(0, cli.exit(), cli.err());
        String[] lines = cli.out().strip().split("\n");
        Path folder = Path.of(lines[lines.length - 1]);
        assertTrue(folder.isAbsolute(), folder.toString());
        assertTrue(Files.isRegularFile(runs.resolve(folder.getFileName()).resolve("results.json")), cli.out());
    }

    @Test
    void swappingOnePluginNameRunsAndRecordsTheOtherPlugin() {
        assertEquals(0, Cli.dnnc(run()).exit());
        Cli swapped = Cli.dnnc(run("similarity=pearson"));
        assertEquals(0, swapped.exit(), swapped.err());
        try (RecordStore store = RecordStore.open(runs)) {
            List<RunSummary> all = store.listRuns(new RunFilter(null, null));
            assertEquals(2, all.size());
            List<String> first = store.showRun(all.get(0).id()).steps().stream().map(StepRecord::pluginName).toList();
            List<String> second = store.showRun(all.get(1).id()).steps().stream().map(StepRecord::pluginName).toList();
            assertTrue(first.contains("spearman") && !first.contains("pearson"), first.toString());
            assertTrue(second.contains("pearson") && !second.contains("spearman"), second.toString());
        }
        Cli compare = Cli.dnnc("runs", "compare", "--runs", runs.toString(), listIds().get(0), listIds().get(1));
        assertEquals(0, compare.exit(), compare.err());
        assertTrue(compare.out().contains("similarity"), compare.out());
    }

    @Test
    void twoRunsStartedAtOnceAreBothRecorded() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runsAtOnce = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String[] args = run("seed=" + (i + 1));
                runsAtOnce.add(pool.submit(() -> Main.execute(args)));
            }
            for (Future<Integer> f : runsAtOnce) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdown();
        }
        try (RecordStore store = RecordStore.open(runs)) {
            List<RunSummary> all = store.listRuns(new RunFilter(null, null));
            assertEquals(2, all.size());
            assertTrue(all.stream().allMatch(r -> r.status() == RunStatus.SUCCEEDED), all.toString());
        }
    }

    @Test
    void invalidWorkflowsFailBeforeAnythingIsRecorded() throws Exception {
        Path bad = runs.resolveSibling(runs.getFileName() + "-bad.yaml");
        Files.writeString(bad, Files.readString(workflow).replace("dnnc:similarity:{{measure}}", "dnnc:similarity:spearmann"));
        Cli unknown = Cli.dnnc("run", bad.toString(), "--runs", runs.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown similarity plugin 'spearmann'; valid similarity plugins: cosine, kendall, "
                + "neg-sq-euclidean, pearson, spearman"), unknown.err());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());

        Cli range = Cli.dnnc(run("draws=0"));
        assertEquals(2, range.exit());
        assertTrue(range.err().contains("'draws'") && range.err().contains("[2, inf)"), range.err());
        assertTrue(range.err().startsWith("dnnc: " + workflow + ":"), "names the file and line: " + range.err());

        Cli parameter = Cli.dnnc(run("epochz=3"));
        assertEquals(2, parameter.exit());
        assertTrue(parameter.err().contains("no parameter 'epochz'"), parameter.err());
        assertTrue(listIds().isEmpty(), "nothing recorded");
    }

    @Test
    void pluginsListsBuiltInAndThirdPartyPluginsWithDefaults() {
        Cli cli = Cli.dnnc("plugins");
        assertEquals(0, cli.exit(), cli.err());
        for (String name : List.of("mnist-idx", "cbeta-vae", "ace-monte-carlo", "spearman", "affinity-propagation", "judge",
                "latent-shapes", "stroke-share", "reconstruction-grid", "ink-report")) {
            assertTrue(cli.out().contains("  " + name + "  "), name + " listed");
        }
        assertTrue(cli.out().contains("damping") && cli.out().contains("default 0.5"), "parameters with defaults");
    }

    private List<String> listIds() {
        if (!Files.exists(runs.resolve("records.mv.db"))) {
            return List.of();
        }
        try (RecordStore store = RecordStore.open(runs)) {
            return store.listRuns(new RunFilter(null, null)).stream().map(RunSummary::id).toList();
        }
    }
}

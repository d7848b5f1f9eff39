package dnnc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dnnc.db.RecordStore;
import dnnc.db.RunFilter;
import dnnc.db.RunStatus;
import dnnc.db.RunSummary;
import dnnc.runner.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `dnnc bench` finds the plugins' benchmarks through ServiceLoader and records their figures as a run. */
class BenchCommandTest {
    @TempDir
    Path runs;

    @Test
    void aSmallDecoderBenchIsPrintedAndRecorded() throws Exception {
        String out = bench("--only", "decoder", "--set", "decoder.batch=64", "--repeats", "1",
                    "--no-reference", "--runs", runs.toString());
        assertTrue(out.contains("nd4j.threads.omp"), "header names the threads: " + out);
        assertTrue(out.contains("| decoder forward, all activations, samples/s"), out);
        try (RecordStore store = RecordStore.open(runs)) {
            List<RunSummary> recorded = store.listRuns(RunFilter.all());
            assertEquals(1, recorded.size());
            assertEquals(RunStatus.SUCCEEDED, recorded.get(0).status());
            JsonNode bench = store.results(recorded.get(0).id()).get("bench");
            assertTrue(bench.get("decoder").get("forward").get("samples_per_s").asDouble() > 0, bench.toString());
        }
    }

    @Test
    void theLimitsAreMeasuredAndWithoutTheOtherBenchmarksNothingIsDerivedFromThem() throws Exception {
        String out = bench("--only", "limits", "--set", "limits.rows=16", "--set", "limits.square=64", "--set", "limits.n=64",
                "--set", "limits.mb=1", "--repeats", "1", "--no-reference", "--runs", runs.toString());
        assertTrue(out.contains("| sgemm 2,048^3 (peak), GFLOP/s"), out);
        assertTrue(out.contains("| memory bandwidth, AP-like stream, GB/s"), out);
        assertTrue(out.contains("ace not in this run") && out.contains("clustering not in this run"), out);
        try (RecordStore store = RecordStore.open(runs)) {
            JsonNode limits = store.results(store.listRuns(RunFilter.all()).get(0).id()).get("bench").get("limits");
            assertTrue(limits.get("sgemm").get("peak").get("gflop_per_s").asDouble() > 0, limits.toString());
            assertTrue(limits.get("sgemm").get("decoder").get("one_thread").get("gflop_per_s").asDouble() > 0, limits.toString());
            assertTrue(limits.get("bandwidth").get("ap").get("n64").get("gb_per_s").asDouble() > 0, limits.toString());
            assertTrue(limits.get("bandwidth").get("copy").get("mb1").get("gb_per_s").asDouble() > 0, limits.toString());
            JsonNode ap = limits.get("bandwidth").get("ap");
            double best = 0;
            for (String size : List.of("n64", "mb1")) {
                best = Math.max(best, Math.max(ap.get(size).get("gb_per_s").asDouble(), ap.get(size).get("one_thread").get("gb_per_s").asDouble()));
            }
            assertEquals(best, limits.get("bandwidth").get("gb_per_s").asDouble(), "the limit is the best AP-like figure: " + limits);
        }
    }

    @Test
    void theStudyIsTimedAsAUserRunsItColdThenWarmAgainstItsBudgets() throws Exception {
        Path workflow = Path.of(BenchCommandTest.class.getResource("/workflows/tiny-study.yaml").toURI());
        String out = bench("--only", "study", "--study", workflow.toString(), "--no-reference", "--runs", runs.toString());
        assertTrue(out.contains("| study cold (fresh model cache), s (ref: 2.5-min budget)"), out);
        assertTrue(out.contains("| study warm (models cached), s (ref: 1-min budget)"), out);
        try (RecordStore store = RecordStore.open(runs)) {
            List<RunSummary> recorded = store.listRuns(RunFilter.all());
            assertEquals(3, recorded.size(), "the bench and its two study runs, each a run of its own: " + recorded);
            assertTrue(recorded.stream().allMatch(r -> r.status() == RunStatus.SUCCEEDED), recorded.toString());
            RunSummary bench = recorded.stream().filter(r -> r.workflowPath().equals("bench")).findFirst().orElseThrow();
            JsonNode study = store.results(bench.id()).get("bench").get("study");
            assertTrue(study.get("s").asDouble() > 0 && study.get("warm").get("s").asDouble() > 0, study.toString());
        }
    }

    @Test
    void withoutThePythonStackTheTablesFirstLineSaysTheReferenceDidNotRunAndWhy() throws Exception {
        Path missing = runs.resolve("no-such-python");
        String out = bench("--only", "decoder", "--set", "decoder.batch=64", "--repeats", "1",
                    "--python", missing.toString(), "--runs", runs.toString());
        List<String> lines = out.lines().toList();
        int table = lines.indexOf(lines.stream().filter(l -> l.startsWith("| figure")).findFirst().orElseThrow());
        String status = lines.get(table - 1);
        assertTrue(status.startsWith("reference: not run: " + missing + " cannot import"), status);
        assertTrue(status.contains("cannot start " + missing), status);
        assertTrue(status.contains("pip install -r bench/reference/requirements.txt"), status);
    }

    @Test
    void theReferenceScriptsArePackagedWithDnnc(@TempDir Path scratch) throws Exception {
        Path scripts = ReferenceRun.scripts(null, scratch);
        assertTrue(Files.readString(scripts.resolve("reference_pipeline.py")).contains("import torch"));
        assertTrue(Files.readString(scripts.resolve("reference_scaling.py")).contains("kendalltau"));
    }

    @Test
    void theRunnerFindsTheBenchCommandThroughServiceLoader() {
        assertTrue(Main.commandTree().getSubcommands().containsKey("bench"));
        assertEquals(0, Main.execute("bench", "--help"));
    }

    @Test
    void anUnknownBenchmarkIsAOneLineUserError() {
        assertEquals(2, Main.execute("bench", "--only", "nosuch", "--no-reference", "--runs", runs.toString()));
    }

    @Test
    void ratiosSayHowManyTimesAsFastDnncIs() {
        Map<String, Double> ours = Map.of("decoder.forward.samples_per_s", 200.0, "clustering.ap.n1700.s", 0.5);
        Map<String, Double> reference = Map.of("decoder_fwd_samples_per_s", 100.0, "n1700.ap_s", 4.0);
        List<BenchTable.Line> lines = BenchTable.lines(ours, reference);
        assertEquals(2, lines.size());
        assertEquals(2.0, lines.get(0).ratio(), 1e-12);  // a rate: ours / theirs
        assertTrue(lines.get(0).met());                   // target 1.0x
        assertEquals(8.0, lines.get(1).ratio(), 1e-12);  // seconds: theirs / ours
        assertFalse(lines.get(1).met());                  // target 10x
    }

    /** {@code dnnc bench ARGS}' output, after checking it exited with 0. */
    private static String bench(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String[] command = new String[args.length + 1];
            command[0] = "bench";
            System.arraycopy(args, 0, command, 1, args.length);
            exit = Main.execute(command);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        return out;
    }
}

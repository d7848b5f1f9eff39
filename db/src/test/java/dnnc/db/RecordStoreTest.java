package dnnc.db;

import com.fasterxml.jackson.databind.JsonNode;
import dnnc.api.InvalidInputException;
import dnnc.api.Recorder;
import dnnc.io.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordStoreTest {
    @TempDir
    Path runs;

    @Test
    void resultsNestByDottedPathIntoResultsJson() {
        try (RecordStore store = RecordStore.open(runs)) {
            RunHandle run = store.startRun(Fixtures.newRun("w.yaml", 1));
            Recorder recorder = run.startStep("train", "trainer", "cvae", Map.of()).recorder();
            recorder.result("model.kl_per_latent", new double[]{0.5, 1.25});
            recorder.result("model.test_bce", 81.5);
            recorder.result("clusters.count", 3);
            recorder.result("clusters.method", "affinity");
            recorder.result("ok", true);
            assertEquals("{\"clusters\":{\"count\":3,\"method\":\"affinity\"},"
                            + "\"model\":{\"kl_per_latent\":[0.5,1.25],\"test_bce\":81.5},\"ok\":true}",
                    Json.write(store.results(run.id())));
            assertTrue(store.resultsJson(run.id()).contains("\n"), "results.json is indented for people");
        }
    }

    @Test
    void recordingAPathAgainReplacesItButNestingIsRefused() {
        try (RecordStore store = RecordStore.open(runs)) {
            RunHandle run = store.startRun(Fixtures.newRun("w.yaml", 1));
            Recorder recorder = run.recorder();
            recorder.result("a.b", 1);
            recorder.result("a.b", 2);
            assertThrows(IllegalArgumentException.class, () -> recorder.result("a.b.c", 3));
            assertThrows(IllegalArgumentException.class, () -> recorder.result("a", 4));
            assertThrows(IllegalArgumentException.class, () -> recorder.result("a..b", 4));
            assertThrows(IllegalArgumentException.class, () -> recorder.result("x", new Object()));
            recorder.result("a_b", 5); // '_' is not a LIKE wildcard here: a_b is no child of a.b
            assertEquals("{\"a\":{\"b\":2},\"a_b\":5}", Json.write(store.results(run.id())));
        }
    }

    @Test
    void numericResultsAreFilterableInSql() {
        try (RecordStore store = RecordStore.open(runs)) {
            for (double bce : new double[]{90.0, 80.0, 70.0}) {
                RunHandle run = store.startRun(Fixtures.newRun("w.yaml", (long) bce));
                run.recorder().result("model.test_bce", bce);
                run.recorder().result("model.name", "cvae");
                run.recorder().result("model.nan", Double.NaN);
            }
            QueryResult below = store.query("SELECT r.seed FROM results s JOIN runs r ON r.id = s.run_id "
                    + "WHERE s.path = 'model.test_bce' AND s.value_number < 85 ORDER BY r.seed");
            assertEquals(List.of(List.of("70"), List.of("80")), below.rows());
            QueryResult numbers = store.query("SELECT COUNT(value_number) FROM results WHERE path <> 'model.test_bce'");
            assertEquals("0", numbers.rows().get(0).get(0), "strings and NaN have no number");
        }
    }

    @Test
    void tablesArraysArtifactsHashesAndWarningsRoundTrip() throws Exception {
        try (RecordStore store = RecordStore.open(runs)) {
            RunHandle run = store.startRun(Fixtures.newRun("w.yaml", 1));
            StepHandle step = run.startStep("ace", "attribution", "ace", Map.of("samples", 100));
            Recorder recorder = step.recorder();
            recorder.table("ace", List.of("neuron", "effect"), List.of(List.of(0, 0.5), List.of(1, -0.25)));
            recorder.array("ace_matrix", new int[]{2, 3}, new double[]{1, 2, 3, 4, 5, -0.5});
            Files.createDirectories(run.outputDir().resolve("figures"));
            Path figure = Files.writeString(run.outputDir().resolve("figures/ace.png"), "abc");
            recorder.artifact(figure, "ACE heat map");
            recorder.artifact(Path.of("figures/ace.png"), "ACE heat map, again by relative path");
            recorder.inputHash("mnist", "a".repeat(64));
            recorder.warning("only 100 samples");
            step.finish(RunStatus.SUCCEEDED, null);

            StoredTable table = store.table(run.id(), "ace");
            assertEquals(List.of("neuron", "effect"), table.columns());
            assertEquals(-0.25, table.rows().get(1).get(1).doubleValue());
            StoredArray array = store.array(run.id(), "ace_matrix");
            assertArrayEquals(new int[]{2, 3}, array.shape());
            assertArrayEquals(new double[]{1, 2, 3, 4, 5, -0.5}, array.values());
            // 1.0 as little-endian float64 is 00 00 00 00 00 00 f0 3f
            assertEquals("000000000000f03f", store.query("SELECT LOWER(RAWTOHEX(SUBSTRING(data FROM 1 FOR 8))) FROM arrays")
                    .rows().get(0).get(0));
            assertEquals(List.of(List.of("1")), store.query(
                    "SELECT (row_json).\"neuron\" FROM result_table_rows WHERE CAST(CAST((row_json).\"effect\" AS VARCHAR) AS DOUBLE PRECISION) < 0").rows());

            RunDetails details = store.showRun(run.id());
            ArtifactRecord artifact = details.artifacts().get(0);
            assertEquals(1, details.artifacts().size(), "the same file recorded twice is one artifact");
            assertEquals("figures/ace.png", artifact.path());
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", artifact.sha256());
            assertEquals(3, artifact.sizeBytes());
            assertEquals(1, artifact.stepOrdinal());
            assertEquals(Map.of("mnist", "a".repeat(64)), details.inputHashes());
            assertEquals("only 100 samples", details.warnings().get(0).message());
            assertEquals(Map.of("ace_matrix", List.of(2, 3)), details.arrayShapes());
            assertEquals(Map.of("ace", 2), details.tableRowCounts());
            assertThrows(IllegalArgumentException.class, () -> recorder.artifact(runs.resolve("elsewhere.txt"), "outside"));
            assertThrows(IllegalArgumentException.class, () -> recorder.array("bad", new int[]{2, 2}, new double[3]));
            assertThrows(IllegalArgumentException.class, () -> recorder.inputHash("bad", "not-a-hash"));
        }
    }

    @Test
    void runLifecycleStepsAndShow() {
        try (RecordStore store = RecordStore.open(runs)) {
            RunHandle run = store.startRun(Fixtures.newRun("flows/vae.yaml", 42));
            assertTrue(RunIds.looksLikeRunId(run.id()), run.id());
            assertEquals(runs.resolve(run.id()), run.outputDir());
            StepHandle first = run.startStep("load", "dataset", "mnist", Map.of("limit", 1000));
            first.finish(RunStatus.SUCCEEDED, null);
            StepHandle second = run.startStep("train", "trainer", "cvae", Map.of("epochs", 2));
            assertEquals(List.of(1, 2), List.of(first.ordinal(), second.ordinal()));
            store.finishRun(run.id(), RunStatus.FAILED, "out of memory");

            RunDetails details = store.showRun(run.id());
            assertEquals(RunStatus.FAILED, details.summary().status());
            assertEquals("out of memory", details.summary().error());
            assertTrue(details.summary().duration().isPresent());
            assertEquals(42, details.summary().seed());
            assertEquals(4.0, details.parameters().get("beta").doubleValue());
            assertEquals(Map.of("jdk", "17", "os", "linux"), details.provenance());
            assertEquals(List.of(RunStatus.SUCCEEDED, RunStatus.FAILED),
                    details.steps().stream().map(StepRecord::status).toList(), "the open step ends with its run");
            assertEquals(1000, details.steps().get(0).parameters().get("limit").intValue());
            assertEquals(Sha256.hex("steps: []\n".getBytes(StandardCharsets.UTF_8)), details.workflowSha256());
            assertEquals(ProcessHandle.current().pid(), details.pid());
        }
    }

    @Test
    void listFiltersByStatusAndWorkflow() {
        try (RecordStore store = RecordStore.open(runs)) {
            RunHandle vae = store.startRun(Fixtures.newRun("flows/vae.yaml", 1));
            RunHandle mlp = store.startRun(Fixtures.newRun("flows/mlp.yaml", 2));
            RunHandle vae2 = store.startRun(Fixtures.newRun("flows/vae-small.yaml", 3));
            vae.finish(RunStatus.SUCCEEDED, null);
            mlp.finish(RunStatus.FAILED, "boom");
            assertEquals(List.of(vae.id(), mlp.id(), vae2.id()), ids(store.listRuns(RunFilter.all())));
            assertEquals(List.of(vae.id(), vae2.id()), ids(store.listRuns(new RunFilter(null, "vae"))));
            assertEquals(List.of(vae2.id()), ids(store.listRuns(new RunFilter(RunStatus.RUNNING, "vae"))));
            assertEquals(List.of(mlp.id()), ids(store.listRuns(new RunFilter(RunStatus.parse("FAILED"), null))));
            assertEquals(List.of(), ids(store.listRuns(new RunFilter(null, "%"))), "the filter is a substring, not LIKE");
            InvalidInputException unknownStatus = assertThrows(InvalidInputException.class, () -> RunStatus.parse("done"));
            assertEquals("unknown run status 'done'; valid statuses: running, succeeded, failed, interrupted",
                    unknownStatus.getMessage());
        }
    }

    @Test
    void unknownRunIdPointsAtRunsList() {
        try (RecordStore store = RecordStore.open(runs)) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> store.showRun("20990101-000000-beef"));
            assertEquals("no run '20990101-000000-beef' in " + runs.resolve("records") + "; see dnnc runs list", e.getMessage());
            assertThrows(InvalidInputException.class, () -> store.rerunSpec("nope"));
        }
    }

    @Test
    void compareReportsDifferencesKeyByKey() {
        try (RecordStore store = RecordStore.open(runs)) {
            RunHandle a = store.startRun(Fixtures.newRun("w.yaml", 1));
            RunHandle b = store.startRun(new NewRun(Path.of("w.yaml"), "steps: []\n",
                    Map.of("beta", 8.0, "data", Map.of("digits", 10)), 1, "0.1.0-test", Map.of()));
            a.recorder().result("model.test_bce", 80.0);
            b.recorder().result("model.test_bce", 82.5);
            a.recorder().result("clusters.count", 3);
            b.recorder().result("clusters.count", 3.0);
            a.recorder().result("only.in_a", "x");
            a.finish(RunStatus.SUCCEEDED, null);
            b.finish(RunStatus.SUCCEEDED, null);

            RunComparison comparison = store.compare(a.id(), b.id());
            List<String> keys = comparison.differences().stream().map(d -> d.section() + ":" + d.key()).toList();
            assertEquals(List.of("parameters:beta", "results:model.test_bce", "results:only.in_a"), keys);
            assertEquals(2.5, comparison.differences().get(1).delta());
            assertNull(comparison.differences().get(2).b());
            assertEquals(1, comparison.equalParameters(), "data.digits");
            assertEquals(1, comparison.equalResults(), "3 equals 3.0");
        }
    }

    @Test
    void rerunSpecReturnsWhatWasRun() {
        try (RecordStore store = RecordStore.open(runs)) {
            RunHandle run = store.startRun(Fixtures.newRun("flows/vae.yaml", 99));
            RerunSpec spec = store.rerunSpec(run.id());
            assertEquals(Path.of("flows/vae.yaml"), spec.workflowPath());
            assertEquals("steps: []\n", spec.workflowText());
            assertEquals(99, spec.seed());
            assertEquals(4.0, spec.parameters().get("beta"));
            assertEquals(Map.of("digits", 10), spec.parameters().get("data"));
        }
    }

    @Test
    void reopeningKeepsRecordsAndMigratesOnce() {
        String id;
        try (RecordStore store = RecordStore.open(runs)) {
            RunHandle run = store.startRun(Fixtures.newRun("w.yaml", 5));
            run.recorder().result("x", 1);
            run.finish(RunStatus.SUCCEEDED, null);
            id = run.id();
        }
        try (RecordStore store = RecordStore.open(runs)) {
            assertEquals(RunStatus.SUCCEEDED, store.showRun(id).summary().status());
            assertEquals("{\"x\":1}", Json.write(store.results(id)));
        }
        assertTrue(Files.isRegularFile(runs.resolve("records.mv.db")));
    }

    private static List<String> ids(List<RunSummary> runs) {
        return runs.stream().map(RunSummary::id).toList();
    }
}

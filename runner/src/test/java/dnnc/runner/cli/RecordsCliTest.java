package dnnc.runner.cli;

import dnnc.db.NewRun;
import dnnc.db.RecordStore;
import dnnc.db.RunHandle;
import dnnc.db.RunStatus;
import dnnc.db.StepHandle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runs and query commands, driven through picocli on a store with two recorded runs. */
class RecordsCliTest {
    @TempDir
    Path runs;
    private String vae;
    private String mlp;

    private record Outcome(int exitCode, String out, String err) {
    }

    @BeforeEach
    void recordTwoRuns() throws Exception {
        try (RecordStore store = RecordStore.open(runs)) {
            RunHandle first = store.startRun(new NewRun(Path.of("flows/vae.yaml"), "steps: []\n",
                    Map.of("beta", 4.0), 1, "0.1.0", Map.of("jdk", "17")));
            StepHandle train = first.startStep("train", "trainer", "cvae", Map.of("epochs", 2));
            train.recorder().result("model.test_bce", 80.0);
            train.recorder().result("model.kl_per_latent", List.of(0.5, 1.5));
            Files.createDirectories(first.outputDir());
            train.recorder().artifact(Files.writeString(first.outputDir().resolve("loss.csv"), "epoch,loss\n"), "loss curve");
            train.recorder().warning("few epochs");
            train.finish(RunStatus.SUCCEEDED, null);
            first.finish(RunStatus.SUCCEEDED, null);
            vae = first.id();

            RunHandle second = store.startRun(new NewRun(Path.of("flows/mlp.yaml"), "steps: []\n",
                    Map.of("beta", 8.0), 2, "0.1.0", Map.of()));
            second.recorder().result("model.test_bce", 82.5);
            second.finish(RunStatus.FAILED, "diverged");
            mlp = second.id();
        }
    }

    @Test
    void listShowsRunsOldestFirstAndFilters() {
        Outcome all = run(new RunsCommand(), "list", "--runs", runs.toString());
        assertEquals(0, all.exitCode(), all.err());
        List<String> lines = all.out().lines().toList();
        assertTrue(lines.get(0).matches("id +status +started +duration +seed +workflow"), lines.get(0));
        assertTrue(lines.get(2).startsWith(vae + "  succeeded"), lines.get(2));
        assertTrue(lines.get(3).startsWith(mlp + "  failed"), lines.get(3));
        assertTrue(lines.get(3).endsWith("flows/mlp.yaml"), lines.get(3));

        Outcome failed = run(new RunsCommand(), "list", "--status", "failed", "--runs", runs.toString());
        assertFalse(failed.out().contains(vae));
        assertTrue(failed.out().contains(mlp));
        Outcome byWorkflow = run(new RunsCommand(), "list", "--workflow", "vae", "--runs", runs.toString());
        assertTrue(byWorkflow.out().contains(vae));
        assertFalse(byWorkflow.out().contains(mlp));

        Outcome badStatus = run(new RunsCommand(), "list", "--status", "done", "--runs", runs.toString());
        assertNotEquals(0, badStatus.exitCode());
        assertTrue(badStatus.err().contains("unknown run status 'done'; valid statuses: running, succeeded, failed, interrupted"),
                badStatus.err());
    }

    @Test
    void showPrintsParametersStepsResultsArtifactsAndWarnings() {
        Outcome shown = run(new RunsCommand(), "show", vae, "--runs", runs.toString());
        assertEquals(0, shown.exitCode(), shown.err());
        String out = shown.out();
        assertTrue(out.startsWith("run       " + vae + "  succeeded\n"), out);
        assertHasLine(out, "  beta +4\\.0");
        assertHasLine(out, "  1  train +trainer:cvae +succeeded .*");
        assertHasLine(out, "  model\\.kl_per_latent +\\[0\\.5,1\\.5]");
        assertHasLine(out, "  model\\.test_bce +80\\.0");
        assertHasLine(out, "  loss\\.csv +11 +[0-9a-f]{12} +loss curve");
        assertHasLine(out, " +1 +few epochs");
        assertHasLine(out, "  jdk +17");
    }

    private static void assertHasLine(String text, String regex) {
        assertTrue(text.lines().anyMatch(line -> line.matches(regex)), "no line matching " + regex + " in\n" + text);
    }

    @Test
    void anUnknownRunIdPointsAtRunsList() {
        Outcome missing = run(new RunsCommand(), "show", "20990101-000000-beef", "--runs", runs.toString());
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.err().contains("no run '20990101-000000-beef' in " + runs.resolve("records")
                + "; see dnnc runs list"), missing.err());
    }

    @Test
    void compareListsWhatDiffers() {
        Outcome compared = run(new RunsCommand(), "compare", vae, mlp, "--runs", runs.toString());
        assertEquals(0, compared.exitCode(), compared.err());
        String out = compared.out();
        assertTrue(out.matches("(?s).*\n\\s*parameters +beta +4\\.0 +8\\.0 +4\\.0\n.*"), out);
        assertTrue(out.matches("(?s).*\n\\s*results +model\\.test_bce +80\\.0 +82\\.5 +2\\.5\n.*"), out);
        assertTrue(out.matches("(?s).*\n\\s*results +model\\.kl_per_latent +\\[0\\.5,1\\.5] +\\(absent\\) *\n.*"), out);
        assertTrue(out.matches("(?s).*\n\\s*run +seed +1 +2 +1\\.0\n.*"), out);
        assertTrue(out.endsWith("0 parameters and 0 results are equal\n"), out);
    }

    @Test
    void queryPrintsAnAlignedTableOrCsv() {
        Outcome aligned = run(new QueryCommand(), "SELECT seed, status FROM runs ORDER BY seed", "--runs", runs.toString());
        assertEquals(0, aligned.exitCode(), aligned.err());
        assertEquals("""
                SEED  STATUS
                ----  ---------
                   1  succeeded
                   2  failed
                (2 rows)
                """, aligned.out());
        Outcome csv = run(new QueryCommand(), "--csv", "--runs", runs.toString(),
                "SELECT 'a,b' AS x, NULL AS y, error FROM runs WHERE seed = 2");
        assertEquals("X,Y,ERROR\n\"a,b\",,diverged\n", csv.out());
    }

    @Test
    void queryRefusesWritesAndLeavesTheStoreAlone() {
        Outcome refused = run(new QueryCommand(), "DELETE FROM runs", "--runs", runs.toString());
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.err().contains("query refused: 'DELETE FROM' is not a query"), refused.err());
        Outcome count = run(new QueryCommand(), "SELECT COUNT(*) AS n FROM runs", "--csv", "--runs", runs.toString());
        assertEquals("N\n2\n", count.out());
    }

    private static Outcome run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exitCode = line.execute(args);
        return new Outcome(exitCode, out.toString(), err.toString());
    }
}

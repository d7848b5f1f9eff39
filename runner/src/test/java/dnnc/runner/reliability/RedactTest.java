package dnnc.runner.reliability;

import dnnc.db.RecordStore;
import dnnc.db.RunFilter;
import dnnc.db.RunSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `dnnc run --redact`: results.json, the recorded parameters, steps, input hashes and provenance (what reports
 * are made of) hold no home path and no secret from the environment; without it the same run shows both.
 */
class RedactTest {
    private static final String TOKEN = "tok-4f9a2b71c";
    @TempDir
    static Path work;
    static Path home;
    static Path runs;
    static Path data;
    static Path workflow;
    static Map<String, String> environment;

    @BeforeAll
    static void aHomeWithDataAndASecret() throws IOException {
        home = work.resolve("home");
        runs = home.resolve("projects/runs");
        data = Files.createDirectories(home.resolve("data/" + TOKEN + "-digits"));
        Files.write(data.resolve("images-idx3-ubyte"), BadInputCorpusTest.images(20));
        Files.write(data.resolve("labels-idx1-ubyte"), BadInputCorpusTest.labels(20));
        workflow = Files.copy(Cli.resource("load.yaml"), Files.createDirectories(home.resolve("flows")).resolve("load.yaml"));
        environment = Map.of("HOME", home.toString(), "DNNC_TEST_API_TOKEN", TOKEN, "DNNC_TEST_DB_PASSWORD", "pw-93kd02");
    }

    private String runIn(Path runsFolder, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("run", workflow.toString(), "dir=" + data, "train=10", "held-out=10",
                "--runs", runsFolder.toString()));
        args.addAll(List.of(more));
        try (DnncProcess run = DnncProcess.start(work.resolve("out.txt"), environment, args.toArray(String[]::new))) {
            assertEquals(0, run.waitFor(), run.stderrSoFar());
        }
        try (RecordStore store = RecordStore.open(runsFolder)) {
            List<RunSummary> all = store.listRuns(new RunFilter(null, null));
            return all.get(all.size() - 1).id();
        }
    }

    /** Everything a shared report is made of: results.json, and the run, steps, hashes and provenance as recorded. */
    private static String shareable(Path runsFolder, String runId) throws IOException {
        StringBuilder text = new StringBuilder(Files.readString(runsFolder.resolve(runId).resolve("results.json")));
        try (RecordStore store = RecordStore.open(runsFolder)) {
            for (String table : List.of("runs", "steps", "input_hashes", "provenance", "results", "warnings", "artifacts")) {
                store.query("SELECT * FROM " + table + (table.equals("runs") ? " WHERE id = '" : " WHERE run_id = '") + runId + "'")
                        .rows().forEach(row -> text.append(String.join(" ", row.stream().map(String::valueOf).toList())).append('\n'));
            }
        }
        return text.toString()
                // the run's own folder is where the store keeps it, not part of what is shared
                .replace(runsFolder.toAbsolutePath().resolve(runId).toString(), "<run folder>");
    }

    @Test
    void redactedRunsRecordPlaceholdersInsteadOfHomePathsAndSecrets() throws Exception {
        String plain = shareable(runs, runIn(runs));
        assertTrue(plain.contains(home.toString()) && plain.contains(TOKEN), "without --redact the home and the token show");

        Path redactedRuns = home.resolve("projects/shared-runs");
        String runId = runIn(redactedRuns, "--redact");
        String shared = shareable(redactedRuns, runId);
        assertFalse(shared.contains(home.toString()), shared);
        assertFalse(shared.contains(TOKEN), shared);
        assertFalse(shared.contains(work.toString()), shared);
        assertTrue(shared.contains("~/data/<redacted:DNNC_TEST_API_TOKEN>-digits"), "data folder as a placeholder path: " + shared);
        assertTrue(shared.contains("~/flows/load.yaml"), "workflow path: " + shared);
        assertTrue(shared.contains("dnnc.redacted"), "reporters are told: " + shared);

        Cli show = Cli.dnnc("runs", "show", runId, "--runs", redactedRuns.toString()).assertSucceeded();
        assertFalse(show.out().contains(TOKEN), show.out());
    }
}

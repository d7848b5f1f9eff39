package dnnc.runner.reliability;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small workflow recorded in PostgreSQL ({@code --store}), then listed, shown and queried from there, as a user on
 * another machine of the same store would. Needs the server of {@code DNNC_TEST_POSTGRES_URL} (.ci/run starts one);
 * skipped, saying why, without it.
 */
class PostgresStoreCliTest {
    private static final Pattern RUN_ID = Pattern.compile("(?m)^run (\\d{8}-\\d{6}-[0-9a-f]+)");

    @TempDir
    static Path runs;
    static String store;
    static String runId;

    @BeforeAll
    static void oneRunRecordedInPostgres() throws Exception {
        store = System.getenv("DNNC_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(store != null && !store.isBlank(),
                "no PostgreSQL for the --store test: set DNNC_TEST_POSTGRES_URL to jdbc:postgresql://HOST/DB?user=..&password=.. (.ci/run does)");
        try (Connection ignored = DriverManager.getConnection(store)) {
            // reachable
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL reachable at DNNC_TEST_POSTGRES_URL (" + e.getMessage() + ")");
        }
        Cli run = Cli.dnnc("run", Cli.resource("pipeline.yaml").toString(), "train=200", "draws=20", "--runs", runs.toString(),
                "--cache", runs.resolve("cache").toString(), "--store", store).assertSucceeded();
        Matcher id = RUN_ID.matcher(run.out() + run.err());
        assertTrue(id.find(), run.out() + run.err());
        runId = id.group(1);
    }

    @Test
    void theRunIsListedShownAndQueriedFromTheStoreWithItsFilesInTheRunsFolder() throws Exception {
        Cli list = Cli.dnnc("runs", "list", "--status", "succeeded", "--runs", runs.toString(), "--store", store).assertSucceeded();
        assertTrue(list.out().contains(runId + "  succeeded"), list.out());
        Cli show = Cli.dnnc("runs", "show", runId, "--runs", runs.toString(), "--store", store).assertSucceeded();
        assertTrue(show.out().contains("clustering"), show.out());
        Cli query = Cli.dnnc("query", "SELECT COUNT(*) AS steps FROM steps WHERE run_id = '" + runId + "' AND status = 'succeeded'",
                "--csv", "--runs", runs.toString(), "--store", store).assertSucceeded();
        assertEquals("steps\n7\n", query.out());
        assertTrue(Files.isRegularFile(runs.resolve(runId).resolve("results.json")), "results.json lies in the run's folder");
        Cli withoutStore = Cli.dnnc("runs", "show", runId, "--runs", runs.toString());
        assertTrue(withoutStore.exit() != 0 && withoutStore.err().contains("no run '" + runId + "'"),
                "the H2 file of the runs folder is another store: " + withoutStore.err());
    }

    @Test
    void aWriteIsRefusedInOneLine() {
        Cli refused = Cli.dnnc("query", "DELETE FROM runs", "--runs", runs.toString(), "--store", store);
        refused.assertRefused("query refused", "'DELETE FROM' is not a query");
    }
}

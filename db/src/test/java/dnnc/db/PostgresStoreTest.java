package dnnc.db;

import dnnc.api.InvalidInputException;
import dnnc.api.Recorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The record store in a real PostgreSQL database (skipped without one, see {@link PostgresDatabase}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStoreTest {
    @TempDir
    static Path runs;
    private PostgresDatabase database;
    private String runId;

    @BeforeAll
    void recordOneRun() throws Exception {
        database = PostgresDatabase.create();
        try (RecordStore store = RecordStore.open(runs, database.url)) {
            RunHandle run = store.startRun(Fixtures.newRun("flows/vae.yaml", 7));
            StepHandle step = run.startStep("ace", "attribution", "ace", Map.of("samples", 100));
            Recorder recorder = step.recorder();
            recorder.result("model.test_bce", 80.5);
            recorder.result("model.test_bce", 81.5);
            recorder.result("model.kl_per_latent", new double[]{0.5, 1.25});
            recorder.table("ace", List.of("neuron", "effect"), List.of(List.of(0, 0.5), List.of(1, -0.25)));
            recorder.array("ace_matrix", new int[]{2, 3}, new double[]{1, 2, 3, 4, 5, -0.5});
            Files.createDirectories(run.outputDir());
            recorder.artifact(Files.writeString(run.outputDir().resolve("ace.txt"), "abc"), "ACE");
            recorder.inputHash("mnist", "a".repeat(64));
            recorder.warning("only 100 samples");
            assertTrue(store.putUnitResult(run.id(), "lesion/1", new byte[]{1, 2}, "w1"));
            assertFalse(store.putUnitResult(run.id(), "lesion/1", new byte[]{9}, "w2"), "a unit computed twice counts once");
            step.finish(RunStatus.SUCCEEDED, null);
            run.finish(RunStatus.SUCCEEDED, null);
            runId = run.id();
        }
    }

    @AfterAll
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aReopenedStoreReadsBackEverythingRecorded() {
        try (RecordStore store = RecordStore.open(runs, database.url)) {
            assertEquals("{\"model\":{\"kl_per_latent\":[0.5,1.25],\"test_bce\":81.5}}", Json.write(store.results(runId)));
            RunDetails details = store.showRun(runId);
            assertEquals(RunStatus.SUCCEEDED, details.summary().status());
            assertEquals(7, details.summary().seed());
            assertEquals(4.0, details.parameters().get("beta").doubleValue());
            assertEquals(100, details.steps().get(0).parameters().get("samples").intValue());
            assertEquals("ace.txt", details.artifacts().get(0).path());
            assertEquals(Map.of("mnist", "a".repeat(64)), details.inputHashes());
            assertEquals("only 100 samples", details.warnings().get(0).message());
            assertEquals(-0.25, store.table(runId, "ace").rows().get(1).get(1).doubleValue());
            assertArrayEquals(new double[]{1, 2, 3, 4, 5, -0.5}, store.array(runId, "ace_matrix").values());
            assertArrayEquals(new byte[]{1, 2}, store.unitResults(runId).get("lesion/1"));
            assertEquals(List.of(runId), store.listRuns(new RunFilter(RunStatus.SUCCEEDED, "vae")).stream().map(RunSummary::id).toList());
            assertEquals(List.of(), store.listRuns(new RunFilter(null, "%")), "the filter is a substring, not LIKE");
            assertEquals(runs.resolve(runId).toString(), details.outputDir(), "run folders stay in the runs folder");
        }
    }

    @Test
    void queriesReadTheRecordTablesAsTheReadOnlyRole() {
        try (RecordStore store = RecordStore.open(runs, database.url)) {
            QueryResult result = store.query("SELECT r.seed, s.value_number FROM results s JOIN runs r ON r.id = s.run_id "
                    + "WHERE s.path = ?", List.of("model.test_bce"), RecordStore.DEFAULT_QUERY_TIMEOUT);
            assertEquals(List.of("seed", "value_number"), result.columns());
            assertEquals(List.of(List.of("7", "81.5")), result.rows());
            assertEquals(List.of(List.of("<48 bytes>")), store.query("SELECT data FROM arrays").rows());
            assertEquals(List.of(List.of("dnnc_reader_" + database.url.replaceAll(".*/([^?]*).*", "$1"))),
                    store.query("SELECT current_user").rows());
            assertEquals(2, store.readOnly().results(List.of("model.test_bce", "model.kl_per_latent")).get(runId).size());
            assertEquals(runId, store.readOnly().runs().get(0).summary().id());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1; DROP TABLE runs",
            "SELECT 1; ALTER ROLE CURRENT_USER PASSWORD 'x'",
            "DROP TABLE runs",
            "DELETE FROM results",
            "UPDATE runs SET status = 'failed'",
            "INSERT INTO warnings (run_id, message, recorded_at) SELECT id, 'x', started_at FROM runs",
            "ALTER ROLE CURRENT_USER PASSWORD 'x'",
            "SET statement_timeout = 0",
            "CREATE TEMP TABLE extra (a INT)",
            "COPY runs TO STDOUT",
            "SELECT * FROM unit_results",
            "SELECT * FROM reader_login",
            "SELECT * FROM flyway_schema_history",
            "WITH gone AS (DELETE FROM results RETURNING path) SELECT * FROM gone",
            "SELECT pg_read_file('/etc/hostname')",
            "",
            "-- nothing but a comment",
    })
    void anythingButOneReadOfTheRecordTablesIsRefusedInOneLine(String sql) {
        try (RecordStore store = RecordStore.open(runs, database.url)) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> store.query(sql));
            assertTrue(refused.getMessage().startsWith("query refused: "), refused.getMessage());
            assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
            assertEquals(List.of(List.of("1")), store.query("SELECT COUNT(*) FROM runs").rows(), "nothing changed");
        }
    }

    @Test
    void aQueryPastItsTimeLimitIsCancelled() {
        try (RecordStore store = RecordStore.open(runs, database.url)) {
            InvalidInputException cancelled = assertThrows(InvalidInputException.class,
                    () -> store.query("SELECT pg_sleep(30)", List.of(), Duration.ofMillis(300)));
            assertEquals("query cancelled: it ran longer than its time limit of 0.3 s; narrow it (WHERE, LIMIT) or allow "
                    + "more time", cancelled.getMessage());
        }
    }

    @Test
    void aStoreThatCannotBeUsedIsOneLineNamingTheUrlWithoutItsPassword() {
        String wrongPassword = database.url.replaceFirst("password=[^&]*", "password=wrong");
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> RecordStore.open(runs, wrongPassword));
        assertTrue(refused.getMessage().startsWith("cannot use the record store jdbc:postgresql://"), refused.getMessage());
        assertFalse(refused.getMessage().contains("wrong"), refused.getMessage());
        InvalidInputException notPostgres = assertThrows(InvalidInputException.class,
                () -> RecordStore.open(runs, "jdbc:mysql://db/records?password=secret"));
        assertEquals("--store jdbc:mysql://db/records?password=*** is not a PostgreSQL URL; expected "
                + "jdbc:postgresql://HOST[:PORT]/DATABASE?user=USER&password=PASSWORD", notPostgres.getMessage());
    }
}

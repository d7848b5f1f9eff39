package dnnc.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dnnc.db.RecordStore;
import dnnc.db.RunHandle;
import dnnc.db.RunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The runs table over 10,000 runs written through the db module's own writers. Counts are checked against what
 * was written; the time of each request is printed for the record (docs/PERFORMANCE.md), never asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunsTableScaleTest {
    static final int RUNS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path runs;
    private RecordStore store;
    private WebApp app;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void writeTenThousandRuns() {
        store = RecordStore.open(runs);
        long start = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            RunHandle run = store.startRun(StoreFixture.newRun(i % 10 == 0 ? "workflows/thesis.yaml" : "workflows/quick.yaml",
                    i, Map.of("seed", Integer.toString(i), "beta", Integer.toString(i % 5), "epochs", Integer.toString(2 + i % 3))));
            run.recorder().result("model.test_bce", 130.0 + i % 20);
            run.finish(i % 50 == 7 ? RunStatus.FAILED : RunStatus.SUCCEEDED, null);
        }
        System.out.printf("runs table scale: wrote %d runs in %.1f s%n", RUNS, (System.nanoTime() - start) / 1e9);
        app = WebApp.start(store, "127.0.0.1", 0);
    }

    @AfterAll
    void close() {
        app.close();
        store.close();
    }

    @Test
    void tenThousandRunsListFilterSortAndPage() throws Exception {
        get("/api/runs"); // warm-up: first request loads classes and JIT-compiles
        JsonNode all = timed("default page (newest 50)", "/api/runs");
        assertEquals(RUNS, all.get("total").asInt());
        assertEquals(50, all.get("rows").size());
        JsonNode filtered = timed("filter beta > 2 and model.test_bce < 140",
                "/api/runs?filter=" + encode("beta > 2 and model.test_bce < 140"));
        // beta = i % 5 in {3, 4} and i % 20 < 10: i % 20 in {3, 4, 8, 9}: 4 in 20
        assertEquals(RUNS / 5, filtered.get("matched").asInt());
        JsonNode sorted = timed("sort by model.test_bce, page 100", "/api/runs?sort=model.test_bce&order=asc&offset=5000&limit=50");
        assertEquals(140.0, sorted.get("rows").get(0).get("model.test_bce").asDouble());
        JsonNode failed = timed("status failed, seed in (...)", "/api/runs?status=failed&filter=" + encode("seed in (7, 57, 58)"));
        assertEquals(2, failed.get("matched").asInt());
        long start = System.nanoTime();
        String csv = get("/api/runs.csv?filter=" + encode("epochs = 2"));
        System.out.printf("runs table scale: CSV of %d rows in %d ms%n", csv.lines().count() - 1, (System.nanoTime() - start) / 1_000_000);
        assertEquals(RUNS / 3 + 1, csv.lines().count() - 1);
    }

    private JsonNode timed(String what, String path) throws Exception {
        long start = System.nanoTime();
        JsonNode page = JSON.readTree(get(path));
        System.out.printf("runs table scale: %s: %d of %d runs in %d ms (server: %d ms, of which CPU %d ms)%n", what,
                page.get("matched").asInt(), page.get("total").asInt(), (System.nanoTime() - start) / 1_000_000,
                page.get("millis").asLong(), page.get("cpuMillis").asLong());
        return page;
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

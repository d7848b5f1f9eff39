package dnnc.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dnnc.api.InvalidInputException;
import dnnc.db.RecordStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route of dnnc serve, and every bad input the issue names, over real HTTP against a real record store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    static Path runs;
    private RecordStore store;
    private WebApp app;
    private StoreFixture fixture;

    @BeforeAll
    void serve() throws IOException {
        store = RecordStore.open(runs);
        fixture = new StoreFixture(store);
        app = WebApp.start(store, "127.0.0.1", 0);
    }

    @AfterAll
    void stop() {
        app.close();
        store.close();
    }

    @Test
    void runsTableListsEveryRunNewestFirstWithVaryingParametersAndHeadlineResults() throws Exception {
        JsonNode page = json("/api/runs");
        assertEquals(5, page.get("total").asInt());
        assertEquals(5, page.get("matched").asInt());
        assertEquals(List.of(fixture.running, fixture.interrupted, fixture.failed, fixture.second, fixture.first), ids(page));
        List<String> columns = new ArrayList<>();
        page.get("columns").forEach(c -> columns.add(c.get("key").asText()));
        assertEquals(List.of("id", "status", "workflow", "started", "duration", "seed", "model.test_bce",
                "judge.test_accuracy", "beta", "epochs", "note"), columns);
        JsonNode first = page.get("rows").get(4);
        assertEquals(150.5, first.get("model.test_bce").asDouble());
        assertEquals("4", first.get("beta").asText());
        assertTrue(page.get("available").get("results").toString().contains("model.test_bce"));
    }

    @Test
    void filterExpressionsReadParametersResultsAndRunFields() throws Exception {
        assertEquals(List.of(fixture.first), ids(json("/api/runs?filter=" + encode("beta > 2 and model.test_bce < 160"))));
        assertEquals(List.of(fixture.failed, fixture.second, fixture.first), ids(json("/api/runs?filter=" + encode("seed in (1,2,3)"))));
        assertEquals(List.of(fixture.interrupted, fixture.failed),
                ids(json("/api/runs?filter=" + encode("(status = failed or status = 'interrupted') and not seed = 9"))));
        assertEquals(List.of(fixture.second), ids(json("/api/runs?filter=" + encode("model.test_bce < 145 or judge.test_accuracy > 0.99"))));
        assertEquals(List.of(fixture.second, fixture.first), ids(json("/api/runs?filter=" + encode("clustering.ace.0.converged = true"))));
        assertEquals(List.of(fixture.running, fixture.interrupted), ids(json("/api/runs?filter=" + encode("seed not in (1, 2, 3)"))));
    }

    @Test
    void statusWorkflowAndRunIdPrefixFilter() throws Exception {
        assertEquals(List.of(fixture.failed), ids(json("/api/runs?status=failed")));
        assertEquals(List.of(fixture.interrupted), ids(json("/api/runs?workflow=" + encode("<img"))));
        assertEquals(List.of(fixture.second), ids(json("/api/runs?q=" + fixture.second)));
    }

    @Test
    void sortsByAnyColumnWithMissingValuesLastAndPages() throws Exception {
        JsonNode ascending = json("/api/runs?sort=model.test_bce&order=asc");
        assertEquals(List.of(fixture.second, fixture.first), ids(ascending).subList(0, 2));
        JsonNode descending = json("/api/runs?sort=model.test_bce&order=desc");
        assertEquals(List.of(fixture.first, fixture.second), ids(descending).subList(0, 2));
        JsonNode page = json("/api/runs?sort=seed&order=asc&offset=1&limit=2");
        assertEquals(List.of(fixture.second, fixture.failed), ids(page));
        assertEquals(5, page.get("matched").asInt());
    }

    @Test
    void chosenColumnsAndCsvExportOfTheFilteredTable() throws Exception {
        JsonNode page = json("/api/runs?columns=status,model.test_bce");
        assertEquals(3, page.get("columns").size());
        HttpResponse<String> csv = get("/api/runs.csv?filter=" + encode("beta = 4") + "&columns=status,beta,model.test_bce&sort=seed&order=asc");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals(List.of("id,status,beta,model.test_bce", fixture.first + ",succeeded,4,150.5", fixture.failed + ",failed,4,"),
                csv.body().lines().toList());
    }

    @Test
    void badTableParametersAreOneLineErrorsNamingWhatIsValid() throws Exception {
        HttpResponse<String> malformed = get("/api/runs?filter=" + encode("beta > and seed = 1"));
        assertEquals(400, malformed.statusCode());
        assertTrue(error(malformed).contains("column 8: expected a value"), error(malformed));
        HttpResponse<String> unclosed = get("/api/runs?filter=" + encode("(beta > 2"));
        assertTrue(error(unclosed).contains("expected ')'"), error(unclosed));
        HttpResponse<String> unknown = get("/api/runs?filter=" + encode("bta > 2"));
        assertEquals(400, unknown.statusCode());
        assertTrue(error(unknown).contains("no run has a field, parameter or result named 'bta'"), error(unknown));
        assertTrue(error(unknown).contains("parameters: beta, epochs, note, seed"), error(unknown));
        assertEquals(400, get("/api/runs?limit=0").statusCode());
        assertTrue(error(get("/api/runs?limit=many")).contains("parameter 'limit' is 'many'"));
        assertTrue(error(get("/api/runs?status=done")).contains("valid statuses"));
        assertTrue(error(get("/api/runs?order=up")).contains("expected asc or desc"));
        assertTrue(error(get("/api/runs?sort=nothing")).contains("parameter 'sort'"));
    }

    @Test
    void aFilterIsNeverSql() throws Exception {
        HttpResponse<String> injection = get("/api/runs?filter=" + encode("seed = '1' OR 1=1; DROP TABLE runs; --'"));
        assertEquals(400, injection.statusCode());
        assertEquals(5, json("/api/runs").get("total").asInt());
        assertEquals(0, json("/api/runs?filter=" + encode("workflow = \"x' OR '1'='1\"")).get("matched").asInt());
    }

    @Test
    void runApiHasEverythingTheRunPageShows() throws Exception {
        JsonNode run = json("/api/runs/" + fixture.first);
        assertEquals(fixture.first, run.get("summary").get("id").asText());
        assertEquals("succeeded", run.get("summary").get("status").asText());
        assertEquals("4", run.get("parameters").get("beta").asText());
        assertEquals(150.5, run.get("results").get("model").get("test_bce").asDouble());
        assertEquals(2, run.get("steps").size());
        assertEquals("model", run.get("steps").get(1).get("step").asText());
        assertEquals(StoreFixture.WORKFLOW_TEXT, run.get("workflowText").asText());
        assertEquals("abc123", run.get("provenance").get("git.commit").asText());
        assertEquals("clustering <b>did not</b> converge at alpha 3", run.get("warnings").get(0).get("message").asText());
        assertEquals("/runs/" + fixture.first + "/files/report.html", run.get("report").asText());
        List<String> kinds = new ArrayList<>();
        run.get("artifacts").forEach(a -> kinds.add(a.get("path").asText() + ":" + a.get("kind").asText()));
        assertEquals(List.of("clusters-ace-alpha0.csv:file", "clusters-activation-alpha0.csv:file", "figure-3-1.png:image",
                "latent-0.gif:image", "neurons.csv:file", "report.html:html"), kinds);
        assertEquals("./dnnc runs rerun " + fixture.first + " --runs " + runs.toAbsolutePath(), run.get("rerun").get(0).asText());
        assertTrue(run.get("rerun").get(1).asText().startsWith("./dnnc run workflows/quick.yaml "), run.get("rerun").get(1).asText());
        JsonNode failed = json("/api/runs/" + fixture.failed);
        assertEquals("could not write cached model: No space left on device", failed.get("steps").get(0).get("error").asText());
    }

    @Test
    void unknownRunsAreNotFoundOnPagesAndInTheApi() throws Exception {
        HttpResponse<String> api = get("/api/runs/20990101-000000-dead");
        assertEquals(404, api.statusCode());
        assertTrue(error(api).contains("no run '20990101-000000-dead'"));
        HttpResponse<String> page = get("/runs/" + encode("<script>alert(3)</script>"));
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("no run &#39;&lt;script&gt;alert(3)&lt;/script&gt;&#39;"), page.body());
        assertFalse(page.body().contains("<script>alert(3)"));
        assertEquals(404, get("/no/such/page").statusCode());
        assertEquals(200, get("/runs/" + fixture.first).statusCode());
    }

    @Test
    void filesAreServedWithTheirTypesAndNeverRunScripts() throws Exception {
        HttpResponse<byte[]> png = getBytes("/runs/" + fixture.first + "/files/figure-3-1.png");
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals(Files.size(runs.resolve(fixture.first).resolve("figure-3-1.png")), png.body().length);
        assertEquals("image/gif", getBytes("/runs/" + fixture.first + "/files/latent-0.gif").headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> report = get("/runs/" + fixture.first + "/files/report.html");
        assertTrue(report.headers().firstValue("Content-Security-Policy").orElse("").startsWith("sandbox"));
        HttpResponse<String> download = get("/runs/" + fixture.first + "/files/latent-0.gif.bin");
        assertEquals(404, download.statusCode());
        Files.writeString(runs.resolve(fixture.first).resolve("weights.npy"), "x");
        HttpResponse<String> npy = get("/runs/" + fixture.first + "/files/weights.npy");
        assertEquals("application/octet-stream", npy.headers().firstValue("Content-Type").orElse(""));
        assertTrue(npy.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    }

    @Test
    void pathsOutOfTheRunFolderFindNothing() throws Exception {
        Files.writeString(runs.resolve("secret.txt"), "not a run file");
        Path outside = Files.createTempFile("dnnc-outside", ".txt");
        Files.createSymbolicLink(runs.resolve(fixture.first).resolve("link.txt"), outside);
        Files.createSymbolicLink(runs.resolve(fixture.first).resolve("linked-folder"), runs);
        String files = "/runs/" + fixture.first + "/files/";
        for (String attack : List.of("../secret.txt", "..%2Fsecret.txt", "%2e%2e/secret.txt", "%2E%2E%2Fsecret.txt",
                "figure-3-1.png/../../secret.txt", "%2Fetc%2Fpasswd", "link.txt", "linked-folder/secret.txt",
                "linked-folder/records.mv.db", "nothing.png", "..%5Csecret.txt")) {
            HttpResponse<String> response = get(files + attack);
            assertEquals(404, response.statusCode(), attack + " answered " + response.statusCode() + ": " + response.body());
            assertFalse(response.body().contains("not a run file"), attack);
        }
        assertEquals(400, get(files + "%00figure-3-1.png").statusCode(), "Jetty refuses a NUL before any route sees it");
        Files.delete(outside);
    }

    @Test
    void compareShowsAnyNumberOfRunsKeyByKeyWithDeltasAgainstTheFirst() throws Exception {
        JsonNode comparison = json("/api/compare?runs=" + fixture.first + "," + fixture.second + "," + fixture.failed);
        assertEquals(3, comparison.get("runs").size());
        JsonNode bce = row(comparison, "results", "model.test_bce");
        assertTrue(bce.get("differs").asBoolean());
        assertEquals(-10.25, bce.get("deltas").get(1).asDouble(), 1e-12);
        assertFalse(bce.get("present").get(2).asBoolean());
        assertFalse(row(comparison, "parameters", "epochs").get("differs").asBoolean());
        assertTrue(row(comparison, "parameters", "beta").get("differs").asBoolean());
        assertTrue(comparison.get("agreement") == null, "agreement is for two runs");
        JsonNode agreement = json("/api/compare?runs=" + fixture.first + "," + fixture.second).get("agreement").get("alphas");
        assertEquals(1, agreement.size());
        assertEquals("0", agreement.get(0).get("alpha").asText());
        assertEquals(4.0 / 7.0, agreement.get(0).get("ari").get("ace").asDouble(), 1e-15);
        assertEquals(1.0, agreement.get(0).get("ari").get("activation").asDouble(), 1e-15);
        assertEquals(2, agreement.get(0).get("shared").asInt());
        assertEquals(0.4, agreement.get(0).get("jaccard").asDouble(), 1e-15);
        assertEquals(0, json("/api/compare?runs=" + fixture.first + "," + fixture.failed).get("agreement").get("alphas").size());
        assertEquals(404, get("/api/compare?runs=" + fixture.first + ",nope").statusCode());
        assertEquals(400, get("/api/compare").statusCode());
        assertEquals(200, get("/compare?runs=" + fixture.first + "," + fixture.second).statusCode());
    }

    @Test
    void chartOfOneResultAcrossTheFilteredRunsAndParallelCoordinates() throws Exception {
        JsonNode chart = json("/api/chart?result=model.test_bce&status=succeeded");
        assertEquals(2, chart.get("points").size());
        assertEquals(1, chart.get("points").get(0).get("x").asInt());
        assertEquals(150.5, chart.get("points").get(0).get("y").asDouble());
        JsonNode parallel = chart.get("parallel");
        List<String> dimensions = new ArrayList<>();
        parallel.get("dimensions").forEach(d -> dimensions.add(d.asText()));
        assertEquals(List.of("beta", "seed", "model.test_bce"), dimensions);
        assertEquals(2, parallel.get("runs").size());
        JsonNode against = json("/api/chart?result=model.test_bce&against=beta");
        assertEquals("4", against.get("points").get(0).get("x").asText());
        assertEquals(400, get("/api/chart").statusCode());
    }

    @Test
    void pagesForbidInlineScriptsAndStaticFilesAreServed() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals(200, get("/static/runs.js").statusCode());
        assertEquals(200, get("/static/vendor/echarts.min.js").statusCode());
    }

    @Test
    void aPortInUseIsAUserError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> WebApp.start(store, "127.0.0.1", app.port()));
        assertTrue(e.getMessage().contains("choose another with --port"), e.getMessage());
    }

    private static JsonNode row(JsonNode comparison, String section, String key) {
        for (JsonNode row : comparison.get("rows")) {
            if (row.get("section").asText().equals(section) && row.get("key").asText().equals(key)) {
                return row;
            }
        }
        throw new AssertionError("no row " + section + ":" + key);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("rows").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static String error(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).get("error").asText();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path) throws Exception {
        return client.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

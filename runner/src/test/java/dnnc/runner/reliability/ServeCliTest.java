package dnnc.runner.reliability;

import dnnc.db.NewRun;
import dnnc.db.RecordStore;
import dnnc.db.RunHandle;
import dnnc.db.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code dnnc serve} as a user starts it: its one line, its warning, its refusals, and runs written meanwhile. */
class ServeCliTest {
    private static final Pattern SERVING = Pattern.compile("dnnc: serving http://([^/]+)/");

    @TempDir
    Path runs;

    @Test
    void aPortInUseIsOneLineAndExitCodeTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Cli cli = Cli.dnnc("serve", "--runs", runs.toString(), "--port", Integer.toString(taken.getLocalPort()));
            cli.assertRefused("cannot serve on 127.0.0.1:" + taken.getLocalPort(), "choose another with --port");
            assertEquals(2, cli.exit());
        }
        Cli.dnnc("serve", "--runs", runs.toString(), "--port", "70000").assertRefused("--port 70000", "0 to 65535");
    }

    @Test
    void servesTheStoreWhileAnotherProcessWritesAndWarnsWhenNotLocal() throws Exception {
        Path stdout = runs.resolve("serve.out");
        try (DnncProcess serve = DnncProcess.start(stdout, "serve", "--runs", runs.toString(), "--port", "0", "--host", "0.0.0.0")) {
            assertTrue(serve.awaitLine(l -> l.contains("warning")).contains("without a login"));
            String address = servingAddress(stdout);
            HttpClient client = HttpClient.newHttpClient();
            assertTrue(get(client, address, "/api/runs").contains("\"total\":0"));
            String runId;
            try (RecordStore writer = RecordStore.open(runs)) {
                RunHandle run = writer.startRun(new NewRun(Path.of("w.yaml"), "steps: []\n", Map.of("beta", "4"), 7,
                        "test", Map.of()));
                run.recorder().result("model.test_bce", 99.5);
                run.finish(RunStatus.SUCCEEDED, null);
                runId = run.id();
            }
            String page = get(client, address, "/api/runs?filter=beta%20%3D%204");
            assertTrue(page.contains("\"total\":1") && page.contains(runId), page);
        }
    }

    private static String servingAddress(Path stdout) throws Exception {
        for (int attempt = 0; attempt < 600; attempt++) {
            Optional<Matcher> line = Files.readAllLines(stdout).stream().map(SERVING::matcher).filter(Matcher::find).findFirst();
            if (line.isPresent()) {
                return line.get().group(1).replace("0.0.0.0", "127.0.0.1");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("dnnc serve printed no serving line: " + Files.readString(stdout));
    }

    private static String get(HttpClient client, String address, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://" + address + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}

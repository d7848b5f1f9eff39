package dnnc.runner.reliability;

import dnnc.db.RecordStore;
import dnnc.db.RunFilter;
import dnnc.db.RunStatus;
import dnnc.db.RunSummary;
import dnnc.runner.units.EmbeddedBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A study spread over worker JVMs through a real broker (Artemis, embedded in this JVM) gives the results of the
 * same study in one JVM, key by key, also when a worker is killed (SIGKILL) in the middle of a unit: the broker
 * hands that unit to another worker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutTest {
    private static final Pattern COMPUTING = Pattern.compile("dnnc worker: computing unit (\\S+) of run");
    /** A lesion test's unit: "step:seed/kind/alpha" (a clustering's is "step:kind/alpha"). */
    private static final Pattern LESION_UNIT = Pattern.compile("computing unit \\d+:-?\\d+/");
    private static final Pattern LESION_UNIT_DONE = Pattern.compile("unit \\d+:-?\\d+/\\S+ of run \\S+ done");

    @TempDir
    static Path work;
    private Path study;
    private Path cache;
    private EmbeddedBroker broker;
    private String oneJvmResults;

    @BeforeAll
    void oneJvmRunAndABroker() throws IOException {
        study = Cli.resource("scaleout.yaml");
        cache = work.resolve("cache");
        Cli plain = Cli.dnnc("run", study.toString(), "--runs", work.resolve("plain").toString(), "--cache", cache.toString())
                .assertSucceeded();
        oneJvmResults = resultsWithoutRunId(work.resolve("plain"), plain.runId());
        broker = EmbeddedBroker.start("127.0.0.1", 0, work.resolve("broker"));
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    @Test
    void threeWorkersGiveTheResultsOfOneJvm() throws Exception {
        List<DnncProcess> workers = startWorkers(3, "three");
        try {
            Cli spread = Cli.dnnc("run", study.toString(), "--runs", work.resolve("three").toString(), "--cache", cache.toString(),
                    "--broker", broker.url(), "--local-threads", "0").assertSucceeded();
            assertEquals(oneJvmResults, resultsWithoutRunId(work.resolve("three"), spread.runId()));
            List<String> computed = new ArrayList<>();
            for (DnncProcess worker : workers) {
                computed.addAll(unitsComputed(worker.stderrSoFar()));
            }
            assertEquals(16, computed.stream().distinct().count(), "every unit was computed by a worker: " + computed);
        } finally {
            workers.forEach(DnncProcess::close);
        }
    }

    @Test
    void aWorkerKilledInTheMiddleOfAUnitLosesNothing() throws Exception {
        List<DnncProcess> workers = startWorkers(2, "killed");
        try {
            CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.dnnc("run", study.toString(), "--runs",
                    work.resolve("killed").toString(), "--cache", cache.toString(), "--broker", broker.url(), "--local-threads", "0"));
            DnncProcess victim = workers.get(0);
            String line = victim.awaitLine(l -> LESION_UNIT.matcher(l).find());
            Matcher unit = COMPUTING.matcher(line);
            assertTrue(unit.find());
            victim.kill();
            Cli spread = run.get().assertSucceeded();
            assertEquals(oneJvmResults, resultsWithoutRunId(work.resolve("killed"), spread.runId()));
            assertTrue(unitsComputed(workers.get(1).stderrSoFar()).contains(unit.group(1)),
                    "the survivor computed the unit the killed worker had taken, " + unit.group(1) + ":\n" + workers.get(1).stderrSoFar());
        } finally {
            workers.forEach(DnncProcess::close);
        }
    }

    @Test
    void aKilledRunResumedReusesItsUnitsAndGivesTheSameResults() throws Exception {
        List<DnncProcess> workers = startWorkers(1, "resumed");
        Path runs = work.resolve("resumed");
        try (DnncProcess coordinator = DnncProcess.start(work.resolve("resumed-run.out"), "run", study.toString(), "--runs",
                runs.toString(), "--cache", cache.toString(), "--broker", broker.url(), "--local-threads", "0")) {
            for (int done = 0; done < 2; done++) {
                workers.get(0).awaitLine(l -> LESION_UNIT_DONE.matcher(l).find());
            }
            coordinator.kill();
            String killed = onlyRunIn(runs);
            Cli resumed = Cli.dnnc("runs", "resume", killed, "--runs", runs.toString(), "--cache", cache.toString(),
                    "--broker", broker.url(), "--local-threads", "0").assertSucceeded();
            Matcher reused = Pattern.compile("resuming run " + killed + ": (\\d+) units already computed").matcher(resumed.err());
            assertTrue(reused.find(), resumed.err());
            assertTrue(Integer.parseInt(reused.group(1)) >= 9, "the clusterings and the first lesion test are reused: " + reused.group());
            assertEquals(oneJvmResults, resultsWithoutRunId(runs, resumed.runId()));
        } finally {
            workers.forEach(DnncProcess::close);
        }
    }

    @Test
    void withoutABrokerTheRunFailsInOneLineAndEarlierRecordsStay() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path plain = work.resolve("plain");
        Cli down = Cli.dnnc("run", study.toString(), "--runs", plain.toString(), "--cache", cache.toString(),
                "--broker", "tcp://127.0.0.1:" + closedPort);
        assertEquals(1, down.exit(), down.err());
        assertTrue(down.err().strip().lines().anyMatch(l -> l.startsWith("dnnc: run " + down.runId() + " failed: no broker answers at tcp://127.0.0.1:"
                + closedPort)), down.err());
        try (RecordStore store = RecordStore.open(plain)) {
            assertEquals(RunStatus.FAILED, store.summary(down.runId()).status());
            List<String> succeeded = store.listRuns(RunFilter.all()).stream().filter(r -> r.status() == RunStatus.SUCCEEDED)
                    .map(RunSummary::id).toList();
            assertEquals(1, succeeded.size(), succeeded.toString());
            assertEquals(oneJvmResults, resultsWithoutRunId(plain, succeeded.get(0)));
        }
    }

    private static String onlyRunIn(Path runs) throws IOException {
        try (var folders = Files.list(runs)) {
            List<String> ids = folders.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{8}-\\d{6}-\\p{XDigit}{4}")).toList();
            assertEquals(1, ids.size(), ids.toString());
            return ids.get(0);
        }
    }

    private List<DnncProcess> startWorkers(int count, String name) throws InterruptedException {
        List<DnncProcess> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DnncProcess worker = DnncProcess.start(work.resolve(name + "-worker-" + i + ".out"), "worker", "--broker", broker.url(),
                    "--cache", cache.toString());
            workers.add(worker);
        }
        for (DnncProcess worker : workers) {
            worker.awaitLine(l -> l.startsWith("dnnc: worker "));
        }
        return workers;
    }

    private static List<String> unitsComputed(String stderr) {
        List<String> units = new ArrayList<>();
        Matcher m = COMPUTING.matcher(stderr);
        while (m.find()) {
            units.add(m.group(1));
        }
        return units;
    }

    /** results.json as written, less the line of the run id (the only key that differs between two runs). */
    private static String resultsWithoutRunId(Path runs, String runId) {
        try {
            String json = Files.readString(runs.resolve(runId).resolve("results.json"));
            return json.replace(runId, "<run>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

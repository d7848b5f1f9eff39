package dnnc.bench.benchmarks;

import dnnc.api.InvalidInputException;
import dnnc.bench.Benchmark;
import dnnc.bench.BenchmarkSettings;
import dnnc.db.RecordStore;
import dnnc.db.StepRecord;
import dnnc.runner.units.EmbeddedBroker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The study's clustering and lesion stages in one JVM, then with their units sent to an embedded broker and computed by
 * the run's own JVM plus 0, 1 and 2 worker JVMs on this machine; the broker's cost per unit is the stages' extra time
 * with no worker, divided by the units. Every broker run's results.json must equal the one-JVM run's (checked).
 */
public final class ScaleOutBenchmark implements Benchmark {
    private static final Set<String> UNIT_STAGES = Set.of("clustering", "lesion");

    @Override
    public String name() {
        return "scaleout";
    }

    @Override
    public String description() {
        return "clustering + lesion stages of the study in one JVM and over a broker with 0, 1, 2 local workers; broker ms per unit "
                + "(opt-in; options scaleout.workflow, scaleout.cache)";
    }

    @Override
    public boolean byDefault() {
        return false;
    }

    @Override
    public Map<String, Double> run(BenchmarkSettings settings) {
        Path workflow = Path.of(settings.options().getOrDefault("scaleout.workflow", "workflows/thesis.yaml"));
        Path cache = Path.of(settings.options().getOrDefault("scaleout.cache", "runs/cache"));
        if (!Files.isRegularFile(workflow)) {
            throw new InvalidInputException("bench option scaleout.workflow: no workflow file " + workflow);
        }
        Path runs = settings.scratch().resolve("runs");
        Map<String, Double> figures = new LinkedHashMap<>();
        settings.log().accept("one JVM, no broker (model cache " + cache + ")");
        Timed oneJvm = run(runs, "run", workflow.toString(), "--runs", runs.toString(), "--cache", cache.toString());
        figures.put("one_jvm.s", oneJvm.seconds());
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, settings.scratch().resolve("broker"))) {
            for (int workers = 0; workers <= 2; workers++) {
                settings.log().accept("broker " + broker.url() + ": the run's JVM and " + workers + " worker JVM(s)");
                List<Process> started = new ArrayList<>();
                try {
                    for (int i = 0; i < workers; i++) {
                        started.add(startWorker(broker.url(), cache));
                    }
                    Timed spread = run(runs, "run", workflow.toString(), "--runs", runs.toString(), "--cache", cache.toString(),
                            "--broker", broker.url());
                    if (!spread.results().equals(oneJvm.results())) {
                        throw new IllegalStateException("run " + spread.runId() + " over the broker differs from " + oneJvm.runId()
                                + " at " + firstDifference(spread.results(), oneJvm.results()));
                    }
                    figures.put("workers_" + workers + ".s", spread.seconds());
                    if (workers == 0) {
                        figures.put("units", (double) spread.units());
                        figures.put("unit_compute.ms", oneJvm.seconds() * 1000 / spread.units());
                        figures.put("broker_overhead.ms_per_unit", (spread.seconds() - oneJvm.seconds()) * 1000 / spread.units());
                    }
                } finally {
                    started.forEach(Process::destroy);
                }
            }
        }
        figures.put("speedup_2_workers", figures.get("one_jvm.s") / figures.get("workers_2.s"));
        return figures;
    }

    /** A run's clustering and lesion stages: seconds, units on record, results.json without the run id. */
    private record Timed(String runId, double seconds, int units, String results) {
    }

    /** `dnnc ARGS` in a fresh JVM, as a user runs it (a JVM's first run and its later ones differ in the last bits). */
    private static Timed run(Path runs, String... args) {
        Process process = start(List.of(args), ProcessBuilder.Redirect.PIPE);
        String runId;
        try (BufferedReader out = reader(process.getInputStream())) {
            runId = out.lines().filter(l -> l.startsWith("run ")).map(l -> l.split(" ")[1]).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("dnnc " + String.join(" ", args) + " printed no run"));
            if (process.waitFor() != 0) {
                throw new IllegalStateException("run " + runId + " did not succeed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try (RecordStore store = RecordStore.open(runs)) {
            double seconds = 0;
            for (StepRecord step : store.showRun(runId).steps()) {
                if (UNIT_STAGES.contains(step.pluginKind())) {
                    seconds += Duration.between(step.startedAt(), step.endedAt()).toNanos() / 1e9;
                }
            }
            String results = Files.readString(runs.resolve(runId).resolve("results.json")).replace(runId, "<run>");
            return new Timed(runId, seconds, store.unitResults(runId).size(), results);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A worker JVM, once it says it is ready. */
    private static Process startWorker(String url, Path cache) {
        Process worker = start(List.of("worker", "--broker", url, "--cache", cache.toString()), ProcessBuilder.Redirect.DISCARD);
        try {
            BufferedReader err = reader(worker.getErrorStream());
            for (String line; (line = err.readLine()) != null; ) {
                if (line.startsWith("dnnc: worker ")) {
                    Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "dnnc-bench-worker-log");
                    drain.setDaemon(true);
                    drain.start();
                    return worker;
                }
            }
        } catch (IOException e) {
            worker.destroy();
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("a worker JVM ended before it was ready");
    }

    /** dnnc in a JVM like this one (class path and JVM options), one native thread. */
    private static Process start(List<String> args, ProcessBuilder.Redirect stdout) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dnnc.runner.Main"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout);
        if (stdout != ProcessBuilder.Redirect.DISCARD) {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("CI", "1");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedReader reader(java.io.InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static String firstDifference(String a, String b) {
        List<String> left = a.lines().toList();
        List<String> right = b.lines().toList();
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            if (!left.get(i).equals(right.get(i))) {
                return "line " + (i + 1) + ": " + left.get(i).strip() + " vs " + right.get(i).strip();
            }
        }
        return "line " + Math.min(left.size(), right.size());
    }
}

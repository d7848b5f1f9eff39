package dnnc.bench;

import dnnc.api.InvalidInputException;
import dnnc.bench.benchmarks.DnncProcess;
import dnnc.db.NewRun;
import dnnc.db.RecordStore;
import dnnc.db.RunHandle;
import dnnc.db.RunStatus;
import dnnc.runner.Main;
import dnnc.runner.cli.ExtraCommand;
import dnnc.runner.cli.RunsFolder;
import dnnc.runner.run.Provenance;
import dnnc.runner.workflow.WorkflowFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "bench", mixinStandardHelpOptions = true, description = {"Time dnnc's stages (training, decoder forward, ACE, Spearman, affinity propagation,",
        "lesions, the whole pipeline) and, when PyTorch + scikit-learn + SciPy are installed, the reference pipeline",
        "in the same invocation; prints both side by side as ratios and records everything as a run (bench.*)."})
public final class BenchCommand implements Callable<Integer>, ExtraCommand {
    private static final String STUDY = "study";
    /** What a user waits for the default study on a 2-core machine: 2.5 minutes with training, 1 minute without. */
    private static final double STUDY_COLD_BUDGET_SECONDS = 150;
    private static final double STUDY_WARM_BUDGET_SECONDS = 60;

    @Option(names = "--repeats", defaultValue = "3", description = "Repetitions; figures are their medians (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Benchmarks to run (default: all but the opt-in ones): ${COMPLETION-CANDIDATES}")
    List<String> only = new ArrayList<>();

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Benchmark option, e.g. --set training.epochs=3 --set clustering.sizes=1700 --set reference.epochs=10")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--reference", paramLabel = "DIR", description = "Folder of reference_pipeline.py and reference_scaling.py (default: the copies packaged with dnnc, bench/reference).")
    Path reference;

    @Option(names = "--no-reference", description = "Do not run the Python reference even when it is installed.")
    boolean noReference;

    @Option(names = "--python", paramLabel = "EXE", description = "Python with torch, scikit-learn and SciPy (default: $DNNC_PYTHON, ~/ref-venv/bin/python, python3).")
    String python = ReferenceRun.defaultPython();

    @Option(names = "--study", paramLabel = "FILE", description = "Study workflow timed end to end with a fresh model cache (default: workflows/thesis.yaml if present).")
    Path study;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic inputs and weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    RunsFolder folders;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        List<Benchmark> chosen = chosenBenchmarks();
        Path scratch = Files.createTempDirectory("dnnc-bench");
        ReferenceRun referenceRun = null;
        String referenceStatus;
        if (noReference) {
            referenceStatus = "reference: not run (--no-reference)";
        } else {
            Path scripts;
            try {
                scripts = ReferenceRun.scripts(reference, scratch);
            } catch (RuntimeException e) {
                deleteTree(scratch);
                throw e;
            }
            ReferenceRun candidate = new ReferenceRun(python, scripts, out::println);
            try {
                referenceStatus = "reference: " + candidate.versions() + " (" + python + ")";
                referenceRun = candidate;
            } catch (RuntimeException e) {
                referenceStatus = "reference: not run: " + python + " cannot import torch, scikit-learn, SciPy and NumPy ("
                        + e.getMessage() + "); set it up with " + ReferenceRun.SETUP;
            }
        }
        Map<String, String> provenance = new LinkedHashMap<>(Provenance.collect());
        provenance.put("env.OPENBLAS_CORETYPE", String.valueOf(System.getenv("OPENBLAS_CORETYPE")));
        provenance.put("reference.stack", referenceRun == null ? "not run" : referenceStatus.substring("reference: ".length()));
        printHeader(out, provenance);

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("repeats", repeats);
        parameters.put("benchmarks", chosen.stream().map(Benchmark::name).toList());
        parameters.put("options", Map.copyOf(options));
        Map<String, Double> ours = new LinkedHashMap<>();
        Map<String, Double> theirs = new LinkedHashMap<>();
        try (RecordStore store = folders.open()) {
            RunHandle run = store.startRun(new NewRun(Path.of("bench"), description(chosen), parameters, seed, Main.VERSION, provenance));
            try {
                for (Benchmark benchmark : chosen) {
                    out.printf("== %s: %s%n", benchmark.name(), benchmark.description());
                    long t0 = System.nanoTime();
                    Map<String, Double> figures = benchmark.run(new BenchmarkSettings(repeats, seed, scratch.resolve(benchmark.name()),
                            options, line -> out.println("  " + line)));
                    figures.forEach((key, value) -> {
                        ours.put(benchmark.name() + "." + key, value);
                        run.recorder().result("bench." + benchmark.name() + "." + key, value); // kept if a later step fails
                        out.printf(Locale.ROOT, "  %-40s %s%n", key, BenchTable.number(value));
                    });
                    out.printf(Locale.ROOT, "  (%.1f s)%n", (System.nanoTime() - t0) / 1e9);
                }
                ours.putAll(timeStudy(out));
                if (referenceRun != null) {
                    out.println("== " + referenceStatus);
                    try {
                        theirs.putAll(referenceRun.figures(scratch.resolve("reference"), ours, scratch.resolve("clustering"),
                                Integer.parseInt(options.getOrDefault("reference.epochs", "10"))));
                    } catch (RuntimeException e) {
                        referenceStatus = "reference: failed, its figures are missing: " + e.getMessage();
                    }
                    for (String key : List.copyOf(theirs.keySet())) { // a fact about our labels, shown on our side
                        if (key.endsWith(".label_differences")) {
                            ours.put("clustering.ap." + key.replace(".label_differences", ".sklearn_label_differences"), theirs.remove(key));
                        }
                    }
                }
                Map<String, Double> derived = deriveLimitFigures(out, ours, theirs);
                List<BenchTable.Line> lines = BenchTable.lines(ours, theirs);
                out.println();
                out.println(referenceStatus);
                out.print(BenchTable.format(lines));
                run.recorder().result("bench.reference_status", referenceStatus);
                derived.forEach((key, value) -> run.recorder().result("bench." + key, value));
                record(run, ours, theirs, lines);
                run.finish(RunStatus.SUCCEEDED, null);
                out.println("run " + run.id() + " " + run.outputDir());
            } catch (RuntimeException | Error e) {
                run.finish(RunStatus.FAILED, e.toString());
                throw e;
            }
        } finally {
            deleteTree(scratch);
        }
        return 0;
    }

    /**
     * The figures held against the machine's limits ({@link LimitFigures}), printed, added to ours and the reference's;
     * returns ours (the reference's are recorded with the rest of its figures).
     */
    private static Map<String, Double> deriveLimitFigures(PrintStream out, Map<String, Double> ours, Map<String, Double> theirs) {
        LimitFigures.Derived derived = LimitFigures.derive(ours, theirs);
        out.println("== derived: figures against the machine's limits measured in this run");
        derived.notes().forEach(note -> out.println("  " + note));
        derived.ours().forEach((key, value) -> out.printf(Locale.ROOT, "  %-40s %s%n", key, BenchTable.number(value)));
        derived.reference().forEach((key, value) -> out.printf(Locale.ROOT, "  reference %-30s %s%n", key, BenchTable.number(value)));
        ours.putAll(derived.ours());
        theirs.putAll(derived.reference());
        return derived.ours();
    }

    private List<Benchmark> chosenBenchmarks() {
        List<Benchmark> all = new ArrayList<>();
        ServiceLoader.load(Benchmark.class).forEach(all::add);
        if (only.isEmpty()) {
            return all.stream().filter(Benchmark::byDefault).toList();
        }
        List<Benchmark> chosen = new ArrayList<>();
        for (String name : only) {
            if (name.trim().equals(STUDY)) {
                continue; // the study workflow is timed by the runner itself (timeStudy)
            }
            chosen.add(all.stream().filter(b -> b.name().equals(name.trim())).findFirst().orElseThrow(() ->
                    new InvalidInputException("no benchmark '" + name + "'; expected one of "
                            + all.stream().map(Benchmark::name).toList() + " or " + STUDY)));
        }
        return chosen;
    }

    /**
     * The study workflow as a user runs it ({@code dnnc run FILE}, a new JVM each time, build excluded): cold, with a
     * fresh model cache so the models are trained as in the reference, then warm, with the models that run cached.
     */
    private Map<String, Double> timeStudy(PrintStream out) throws IOException {
        Path file = study != null ? study : Path.of("workflows", "thesis.yaml");
        if (!Files.isRegularFile(file) || (!only.isEmpty() && !only.contains(STUDY))) {
            if (study != null) {
                throw new InvalidInputException("--study " + study + ": no such workflow file");
            }
            return Map.of();
        }
        WorkflowFile.read(file); // a workflow that does not validate fails here, in one line, before an hour of runs
        out.println("== study: dnnc run " + file + " (a new JVM each; cold: fresh model cache, then warm: the models cached)");
        Path cache = Files.createTempDirectory("dnnc-bench-cache");
        List<String> command = new ArrayList<>(List.of("run", file.toString(), "--runs", folders.runsDir().toString(), "--cache", cache.toString()));
        if (folders.storeUrl() != null) {
            command.addAll(List.of("--store", folders.storeUrl()));
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        try {
            for (String key : List.of("study.s", "study.warm.s")) {
                double seconds;
                try {
                    long t0 = System.nanoTime();
                    String output = DnncProcess.run(command);
                    seconds = (System.nanoTime() - t0) / 1e9;
                    out.printf(Locale.ROOT, "  %s %.1f s (%s)%n", key.equals("study.s") ? "cold" : "warm", seconds,
                            output.substring(output.lastIndexOf('\n') + 1));
                } catch (IllegalStateException e) {
                    out.println("  not timed: " + e.getMessage()); // a failed study must not cost the figures already measured
                    return figures;
                }
                figures.put(key, seconds);
            }
            figures.put("study.cold_budget.s", STUDY_COLD_BUDGET_SECONDS);
            figures.put("study.warm_budget.s", STUDY_WARM_BUDGET_SECONDS);
            return figures;
        } finally {
            deleteTree(cache);
        }
    }

    private String description(List<Benchmark> chosen) {
        StringBuilder sb = new StringBuilder("# dnnc bench (not a workflow): the benchmarks timed, medians of ")
                .append(repeats).append(" repetitions\n");
        chosen.forEach(b -> sb.append("- ").append(b.name()).append(": ").append(b.description()).append('\n'));
        options.forEach((k, v) -> sb.append("option ").append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    private static void printHeader(PrintStream out, Map<String, String> provenance) {
        out.println("dnnc bench " + Main.VERSION);
        provenance.forEach((k, v) -> out.printf("  %-22s %s%n", k, v));
        out.printf("  %-22s %s%n", "load average", loadAverage());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void record(RunHandle run, Map<String, Double> ours, Map<String, Double> theirs, List<BenchTable.Line> lines) {
        ours.keySet().stream().filter(k -> k.startsWith("study.") || k.contains("sklearn"))
                .forEach(k -> run.recorder().result("bench." + k, ours.get(k)));
        theirs.forEach((k, v) -> run.recorder().result("bench.reference." + k, v));
        for (BenchTable.Line line : lines) {
            if (!Double.isNaN(line.ratio())) {
                run.recorder().result("bench.ratio." + line.row().ours(), line.ratio());
            }
            if (line.hasTarget()) {
                run.recorder().result("bench.target_met." + line.row().ours(), line.met());
            }
        }
        run.recorder().result("bench.load_average", loadAverage());
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

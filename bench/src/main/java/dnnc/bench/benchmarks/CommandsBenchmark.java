package dnnc.bench.benchmarks;

import dnnc.bench.Benchmark;
import dnnc.bench.BenchmarkSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clustering benchmark's largest input through the commands a user types: {@code dnnc similarity} (samples x
 * neurons .npy in, similarity .npy out) then {@code dnnc cluster --precomputed} (labels CSV out), each a fresh JVM
 * started as the launcher starts it (same JVM options and class path), so JVM start, native library loading,
 * parsing and writing are all in the figure, to set beside the in-process figures of the clustering benchmark.
 */
public final class CommandsBenchmark implements Benchmark {
    @Override
    public String name() {
        return "commands";
    }

    @Override
    public String description() {
        return "dnnc similarity then dnnc cluster --precomputed as separate processes on N = 5,000 synthetic neurons x 1,000 samples (option commands.n)";
    }

    @Override
    public Map<String, Double> run(BenchmarkSettings settings) {
        int n = Integer.parseInt(settings.options().getOrDefault("commands.n", "5000"));
        Map<String, Double> figures = new LinkedHashMap<>();
        try {
            Path folder = Files.createDirectories(settings.scratch());
            Path activations = folder.resolve("activations.npy");
            ClusteringBench.syntheticActivations(n, ClusteringBenchmark.SAMPLES, settings.seed()).writeNpy(activations);
            Path similarity = folder.resolve("similarity.npy");
            Path labels = folder.resolve("labels.csv");
            figures.put("similarity.n" + n + ".s", Timings.medianSeconds(settings.repeats(), false, () -> dnnc(
                    "similarity", "--input", activations.toString(), "--measure", "spearman", "--out", similarity.toString())));
            figures.put("cluster.n" + n + ".s", Timings.medianSeconds(settings.repeats(), false, () -> dnnc(
                    "cluster", "--input", similarity.toString(), "--precomputed", "--out", labels.toString())));
            figures.put("version.s", Timings.medianSeconds(settings.repeats(), false, () -> dnnc("--version")));
            return figures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs dnnc's main class in a new JVM with this JVM's options and class path; fails unless it exits with 0. */
    private static void dnnc(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dnnc.runner.Main"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            int code = process.waitFor();
            if (code != 0) {
                throw new IllegalStateException("dnnc " + String.join(" ", arguments) + " exited with " + code + ": "
                        + output.substring(output.lastIndexOf('\n') + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dnnc.bench.benchmarks;

import dnnc.bench.Benchmark;
import dnnc.bench.BenchmarkSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clustering benchmark's largest input through the commands a user types: {@code dnnc similarity} (samples x
 * neurons .npy in, similarity .npy out) then {@code dnnc cluster --precomputed} (labels CSV out), each a fresh JVM
 * ({@link DnncProcess}), to set beside the in-process figures of the clustering benchmark.
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
            figures.put("similarity.n" + n + ".s", Timings.medianSeconds(settings.repeats(), 0, () -> dnnc(
                    "similarity", "--input", activations.toString(), "--measure", "spearman", "--out", similarity.toString())));
            figures.put("cluster.n" + n + ".s", Timings.medianSeconds(settings.repeats(), 0, () -> dnnc(
                    "cluster", "--input", similarity.toString(), "--precomputed", "--out", labels.toString())));
            figures.put("version.s", Timings.medianSeconds(settings.repeats(), 0, () -> dnnc("--version")));
            return figures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dnnc(String... arguments) {
        DnncProcess.run(List.of(arguments));
    }
}

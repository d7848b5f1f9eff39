package dnnc.bench.benchmarks;

import dnnc.bench.Benchmark;
import dnnc.bench.BenchmarkSettings;
import dnnc.api.Clustering;
import dnnc.api.Matrix;
import dnnc.api.Progress;
import dnnc.api.SimilarityResult;
import dnnc.plugins.clustering.AffinityPropagation;
import dnnc.plugins.similarity.KendallSimilarity;
import dnnc.plugins.similarity.SpearmanSimilarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Spearman and affinity propagation (median preference, damping 0.5, at most 200 iterations, seed 0) on N
 * synthetic neurons x 1,000 samples built as reference_scaling.py builds them. For N = 1,700 it also times
 * Kendall's tau-b and writes the Spearman matrix (NumPy .npy) and the labels to the scratch folder, so
 * scikit-learn can be run on exactly the same input and the labels compared.
 */
public final class ClusteringBenchmark implements Benchmark {
    static final int SAMPLES = 1000;
    static final int LABEL_CHECK_N = 1700;

    @Override
    public String name() {
        return "clustering";
    }

    @Override
    public String description() {
        return "Spearman + affinity propagation at N = 1,700 and 5,000 synthetic neurons x 1,000 samples, Kendall at 1,700 (option clustering.sizes)";
    }

    @Override
    public Map<String, Double> run(BenchmarkSettings settings) {
        Map<String, Double> figures = new LinkedHashMap<>();
        String sizes = settings.options().getOrDefault("clustering.sizes", "1700,5000");
        SpearmanSimilarity spearman = new SpearmanSimilarity();
        AffinityPropagation ap = new AffinityPropagation();
        ap.configure(Map.of("max-iter", "200"));
        spearman.similarity(ClusteringBench.syntheticActivations(50, 20, 1)); // native library loading is not timed
        for (String item : sizes.split(",")) {
            int n = Integer.parseInt(item.trim());
            Matrix x = ClusteringBench.syntheticActivations(n, SAMPLES, settings.seed());
            SimilarityResult[] s = new SimilarityResult[1];
            figures.put("spearman.n" + n + ".s", Timings.medianSeconds(settings.repeats(), false, () -> s[0] = spearman.similarity(x)));
            Clustering[] c = new Clustering[1];
            figures.put("ap.n" + n + ".s", Timings.medianSeconds(settings.repeats(), false,
                    () -> c[0] = ap.cluster(s[0].matrix(), 0, Progress.silent())));
            figures.put("ap.n" + n + ".iterations", (double) c[0].iterations());
            figures.put("ap.n" + n + ".clusters", (double) c[0].clusterCount());
            if (n == LABEL_CHECK_N) {
                KendallSimilarity kendall = new KendallSimilarity();
                figures.put("kendall.n" + n + ".s", Timings.medianSeconds(settings.repeats(), false, () -> kendall.similarity(x)));
                writeForComparison(settings.scratch(), s[0].matrix(), c[0].labels());
            }
        }
        return figures;
    }

    /** ap-similarity.npy (float64, row-major) and ap-labels.txt (one label per line) in the scratch folder. */
    static void writeForComparison(Path folder, Matrix m, int[] labels) {
        try {
            Files.createDirectories(folder);
            m.writeNpy(folder.resolve("ap-similarity.npy"));
            Files.writeString(folder.resolve("ap-labels.txt"),
                    IntStream.of(labels).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dnnc.bench.benchmarks;

import dnnc.bench.Benchmark;
import dnnc.bench.BenchmarkSettings;
import dnnc.bench.ClusteringFiles;
import dnnc.api.Clustering;
import dnnc.api.Matrix;
import dnnc.api.Progress;
import dnnc.api.SimilarityResult;
import dnnc.plugins.clustering.AffinityPropagation;
import dnnc.plugins.similarity.KendallSimilarity;
import dnnc.plugins.similarity.SpearmanSimilarity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spearman and affinity propagation (median preference, damping 0.5, at most 200 iterations, seed 0; float64 and
 * precision=float32) on N synthetic neurons x 1,000 samples built as reference_scaling.py builds them. For N = 1,700
 * it also times Kendall's tau-b. Each Spearman matrix and its float64 labels are left in the scratch folder
 * ({@link ClusteringFiles}), so scikit-learn is run on exactly the same input and the labels compared.
 */
public final class ClusteringBenchmark implements Benchmark {
    static final int SAMPLES = 1000;
    static final int KENDALL_N = 1700;

    @Override
    public String name() {
        return "clustering";
    }

    /**
     * Untimed solves before the timed ones: the per-iteration figure is compared with scikit-learn's compiled loops,
     * and C2 is still compiling the message passes after one solve (N = 1,700 in a fresh JVM: solves 2-4 took
     * 0.29-0.38 s, from the 8th on 0.22-0.25 s), so one warm-up timed the JIT as much as the solver.
     */
    private static final int WARM_UP_SOLVES = 5;

    @Override
    public String description() {
        return "Spearman + affinity propagation at N = 1,700 and 5,000 synthetic neurons x 1,000 samples, Kendall at 1,700 (option clustering.sizes)";
    }

    @Override
    public Map<String, Double> run(BenchmarkSettings settings) {
        Map<String, Double> figures = new LinkedHashMap<>();
        String sizes = settings.options().getOrDefault("clustering.sizes", "1700,5000");
        SpearmanSimilarity spearman = new SpearmanSimilarity();
        spearman.similarity(ClusteringBench.syntheticActivations(50, 20, 1)); // native library loading is not timed
        for (String item : sizes.split(",")) {
            int n = Integer.parseInt(item.trim());
            Matrix x = ClusteringBench.syntheticActivations(n, SAMPLES, settings.seed());
            SimilarityResult[] s = new SimilarityResult[1];
            figures.put("spearman.n" + n + ".s", Timings.medianSeconds(settings.repeats(), 0, () -> s[0] = spearman.similarity(x)));
            Clustering wide = timeAffinityPropagation(settings, s[0].matrix(), "float64", "ap.n" + n, figures);
            Clustering single = timeAffinityPropagation(settings, s[0].matrix(), "float32", "ap32.n" + n, figures);
            figures.put("ap32.n" + n + ".label_differences", (double) differences(wide.labels(), single.labels()));
            if (n == KENDALL_N) {
                KendallSimilarity kendall = new KendallSimilarity();
                figures.put("kendall.n" + n + ".s", Timings.medianSeconds(settings.repeats(), 0, () -> kendall.similarity(x)));
            }
            ClusteringFiles.write(settings.scratch(), s[0].matrix(), wide.labels());
        }
        return figures;
    }

    /** Median seconds, iterations, clusters and milliseconds per iteration under {@code key}; the clustering. */
    private static Clustering timeAffinityPropagation(BenchmarkSettings settings, Matrix similarity, String precision,
                                                      String key, Map<String, Double> figures) {
        AffinityPropagation ap = new AffinityPropagation();
        ap.configure(Map.of("max-iter", "200", "precision", precision));
        Clustering[] c = new Clustering[1];
        double seconds = Timings.medianSeconds(settings.repeats(), WARM_UP_SOLVES, () -> c[0] = ap.cluster(similarity, 0, Progress.silent()));
        figures.put(key + ".s", seconds);
        figures.put(key + ".iterations", (double) c[0].iterations());
        figures.put(key + ".clusters", (double) c[0].clusterCount());
        figures.put(key + ".ms_per_iteration", 1e3 * seconds / c[0].iterations());
        return c[0];
    }

    private static int differences(int[] a, int[] b) {
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            count += a[i] != b[i] ? 1 : 0;
        }
        return count;
    }
}

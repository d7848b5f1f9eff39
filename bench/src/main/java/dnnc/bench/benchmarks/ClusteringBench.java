package dnnc.bench.benchmarks;

import dnnc.api.Matrix;
import dnnc.api.SimilarityResult;
import dnnc.plugins.clustering.AffinityPropagationSolver;
import dnnc.plugins.similarity.SpearmanSimilarity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times Spearman and affinity propagation on synthetic neurons built like bench/reference/reference_scaling.py
 * (20 latent factors, ReLU, small noise), for comparison with SciPy / scikit-learn on the same machine.
 * <pre>java ... dnnc.bench.benchmarks.ClusteringBench N [samples] [maxIter] [similarity.npy]</pre>
 * The optional .npy receives the Spearman matrix so scikit-learn can be run on exactly the same input.
 */
public final class ClusteringBench {
    private ClusteringBench() {
    }

    public record Timing(int variables, int samples, double spearmanSeconds, double apSeconds, int iterations,
                         int clusters, boolean converged, double peakHeapGb) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "N=%d samples=%d spearman_s=%.2f ap_s=%.2f iters=%d clusters=%d converged=%s heap_GB=%.2f",
                    variables, samples, spearmanSeconds, apSeconds, iterations, clusters, converged, peakHeapGb);
        }
    }

    public static Timing run(int variables, int samples, int maxIter, Path similarityOut) throws IOException {
        Matrix x = syntheticActivations(variables, samples, 0);
        new SpearmanSimilarity().similarity(syntheticActivations(50, 20, 1)); // native library loading is not timed
        long t0 = System.nanoTime();
        SimilarityResult s = new SpearmanSimilarity().similarity(x);
        double spearman = (System.nanoTime() - t0) / 1e9;
        x = null;
        if (similarityOut != null) {
            s.matrix().writeNpy(similarityOut);
        }
        int n = s.kept().length;
        double[] values = s.matrix().values();
        long t1 = System.nanoTime();
        AffinityPropagationSolver.Run run = new AffinityPropagationSolver(0.5, maxIter, 15)
                .solve(values, n, AffinityPropagationSolver.median(values), 0);
        double ap = (System.nanoTime() - t1) / 1e9;
        Runtime rt = Runtime.getRuntime();
        double heap = (rt.totalMemory() - rt.freeMemory()) / 1e9;
        return new Timing(variables, samples, spearman, ap, run.iterations(), run.clusterCount(), run.converged(), heap);
    }

    /** X = max(F W + 0.5 E, 0) + 1e-3 E', F samples x 20, W 20 x variables, all standard normal. */
    public static Matrix syntheticActivations(int variables, int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int factors = 20;
        double[] f = new double[samples * factors];
        double[] w = new double[factors * variables];
        for (int i = 0; i < f.length; i++) {
            f[i] = random.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextGaussian();
        }
        Matrix x = Matrix.zeros(samples, variables);
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < variables; j++) {
                double v = 0;
                for (int k = 0; k < factors; k++) {
                    v += f[s * factors + k] * w[k * variables + j];
                }
                x.set(s, j, Math.max(v + 0.5 * random.nextGaussian(), 0) + 1e-3 * random.nextGaussian());
            }
        }
        return x;
    }

    /** Labels of the matrix just written, for a side-by-side check with scikit-learn on the very same input. */
    private static String labelsOf(Path npy, int maxIter) throws IOException {
        Matrix similarity = Matrix.readNpy(npy);
        int n = similarity.rows();
        double[] values = similarity.values();
        AffinityPropagationSolver.Run run = new AffinityPropagationSolver(0.5, maxIter, 15).solve(values, n, AffinityPropagationSolver.median(values), 0);
        StringBuilder sb = new StringBuilder();
        for (int label : run.labels()) {
            sb.append(label).append('\n');
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int maxIter = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path out = args.length > 3 ? Path.of(args[3]) : null;
        Timing timing = run(n, samples, maxIter, out);
        System.out.println(timing);
        if (out != null) {
            Files.writeString(Path.of(out + ".labels.csv"), labelsOf(out, maxIter));
        }
    }
}

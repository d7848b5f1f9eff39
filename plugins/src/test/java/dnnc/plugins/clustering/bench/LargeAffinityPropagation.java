package dnnc.plugins.clustering.bench;

import dnnc.plugins.clustering.AffinityPropagationSolver;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Rough time and memory of affinity propagation at large N (e.g. 20,000): the similarity is the cosine of random
 * 20-factor loadings (a correlation-like matrix built in O(N^2 * 20) without samples), then a few iterations.
 * <pre>java -Xmx15g ... dnnc.plugins.clustering.bench.LargeAffinityPropagation 20000 3</pre>
 */
public final class LargeAffinityPropagation {
    private LargeAffinityPropagation() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int iterations = Integer.parseInt(args[1]);
        SplittableRandom random = new SplittableRandom(0);
        int factors = 20;
        double[] w = new double[n * factors];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int k = 0; k < factors; k++) {
                w[i * factors + k] = random.nextGaussian();
                norm += w[i * factors + k] * w[i * factors + k];
            }
            for (int k = 0; k < factors; k++) {
                w[i * factors + k] /= Math.sqrt(norm);
            }
        }
        double[] s = new double[Math.multiplyExact(n, n)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < factors; k++) {
                    dot += w[i * factors + k] * w[j * factors + k];
                }
                s[i * n + j] = dot;
            }
        }
        long t0 = System.nanoTime();
        double median = AffinityPropagationSolver.median(s);
        double medianSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        AffinityPropagationSolver.Run run = new AffinityPropagationSolver(0.5, iterations, 15).solve(s, n, median, 0);
        double seconds = (System.nanoTime() - t1) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "N=%d median_s=%.1f ap_s=%.1f for %d iterations (incl. noise and setup) heap_used_GB=%.1f heap_committed_GB=%.1f%n",
                n, medianSeconds, seconds, run.iterations(), (rt.totalMemory() - rt.freeMemory()) / 1e9, rt.totalMemory() / 1e9);
    }
}

package dnnc.bench.benchmarks;

import dnnc.api.Clustering;
import dnnc.api.Matrix;
import dnnc.api.PreferenceSweep;
import dnnc.api.Progress;
import dnnc.plugins.clustering.AffinityPropagation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Time of affinity propagation with {@code preference=auto} (the sweep and the final solve) on the clustering
 * bench's input, with a hash of the grid, its counts and outcomes, the chosen preference and the labels, so two
 * builds can be shown to choose the same.
 * <pre>java --add-modules jdk.incubator.vector -cp ... dnnc.bench.benchmarks.PreferenceSweepTiming N points cacheDir</pre>
 */
public final class PreferenceSweepTiming {
    private PreferenceSweepTiming() {
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        String points = args[1];
        Matrix s = new Matrix(n, n, AffinityPropagationTiming.similarity(n, Path.of(args[2])));
        AffinityPropagation ap = new AffinityPropagation();
        ap.configure(Map.of("preference", "auto", "sweep-points", points));
        long t0 = System.nanoTime();
        Clustering c = ap.cluster(s, 0, Progress.silent());
        double seconds = (System.nanoTime() - t0) / 1e9;
        PreferenceSweep sweep = c.sweep();
        int h = Arrays.hashCode(sweep.preferences());
        h = 31 * h + Arrays.hashCode(sweep.clusterCounts());
        h = 31 * h + Arrays.hashCode(sweep.converged());
        h = 31 * h + Double.hashCode(sweep.chosen());
        h = 31 * h + Arrays.hashCode(c.labels());
        h = 31 * h + c.iterations();
        System.out.printf(Locale.ROOT, "N=%d points=%s auto_s=%.2f chosen=%.6g clusters=%d iterations=%d counts=%s bits=%08x%n",
                n, points, seconds, sweep.chosen(), c.clusterCount(), c.iterations(), Arrays.toString(sweep.clusterCounts()), h);
    }
}

package dnnc.bench.benchmarks;

import dnnc.plugins.clustering.AffinityPropagationSolver;
import dnnc.plugins.similarity.SpearmanSimilarity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Whole-solve and per-iteration time of affinity propagation on the clustering bench's input (Spearman of
 * synthetic neurons x 1,000 samples, median preference, damping 0.5, at most 200 iterations, seed 0), plus a hash
 * of A, R and the labels so two builds can be shown to give the same bits. The similarity is cached in a file so
 * runs of different builds back to back time only the solver.
 * <pre>java --add-modules jdk.incubator.vector -cp ... dnnc.bench.benchmarks.AffinityPropagationTiming N repeats cacheDir</pre>
 */
public final class AffinityPropagationTiming {
    private AffinityPropagationTiming() {
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        int repeats = Integer.parseInt(args[1]);
        double[] s = similarity(n, Path.of(args[2]));
        double preference = AffinityPropagationSolver.median(s);
        AffinityPropagationSolver.Run run = null;
        double[] whole = new double[repeats];
        double[] setupAndOne = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            long t0 = System.nanoTime();
            new AffinityPropagationSolver(0.5, 1, 15).solve(s, n, preference, 0);
            setupAndOne[k] = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            run = new AffinityPropagationSolver(0.5, 200, 15).solve(s, n, preference, 0);
            whole[k] = (System.nanoTime() - t1) / 1e9;
        }
        Arrays.sort(whole);
        Arrays.sort(setupAndOne);
        double solve = whole[repeats / 2];
        double perIteration = (solve - setupAndOne[repeats / 2]) / (run.iterations() - 1);
        double fastestPerIteration = (whole[0] - setupAndOne[0]) / (run.iterations() - 1);
        System.out.printf(Locale.ROOT, "N=%d solve_s median of %d=%.3f min=%.3f per_iteration_ms median=%.2f min=%.2f iterations=%d clusters=%d bits=%08x%n",
                n, repeats, solve, whole[0], perIteration * 1e3, fastestPerIteration * 1e3, run.iterations(), run.clusterCount(), bitsHash(run));
    }

    private static int bitsHash(AffinityPropagationSolver.Run run) {
        int h = Arrays.hashCode(run.labels());
        for (double[] m : new double[][] {run.a(), run.r()}) {
            for (double v : m) {
                h = 31 * h + Long.hashCode(Double.doubleToRawLongBits(v));
            }
        }
        return h;
    }

    /** The bench's Spearman matrix at this N, computed once and then read from {@code cacheDir}. */
    static double[] similarity(int n, Path cacheDir) throws IOException {
        Path file = cacheDir.resolve("spearman-n" + n + ".f64");
        double[] s = new double[n * n];
        if (Files.exists(file)) {
            ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(s);
            return s;
        }
        double[] values = new SpearmanSimilarity().similarity(ClusteringBench.syntheticActivations(n, 1000, 0)).matrix().values();
        System.arraycopy(values, 0, s, 0, s.length);
        ByteBuffer buf = ByteBuffer.allocate(8 * s.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(s);
        Files.createDirectories(cacheDir);
        Files.write(file, buf.array());
        return s;
    }
}

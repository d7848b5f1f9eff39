package dnnc.plugins.clustering;

import dnnc.io.Futures;
import dnnc.plugins.support.Parallel;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What scikit-learn iterates on for one similarity matrix and seed: S with the preference on its diagonal plus
 * (eps*S + 100*tiny) * G, G standard normal from RandomState(seed) in row-major order. Only the diagonal depends
 * on the preference, so the noise is drawn once and a preference sweep rewrites just the diagonal.
 */
final class NoisySimilarity {
    private static final double EPS = Math.ulp(1.0);
    private static final double TINY_100 = Double.MIN_NORMAL * 100;
    /** Values drawn at a time: a chunk's points become normals and are added to S while still in cache. */
    private static final int CHUNK = 4096;

    final double[] similarity;
    final int n;
    /** n = 1 or all off-diagonal similarities equal: scikit-learn returns without iterating (and without noise). */
    final boolean degenerate;
    private final double[] noisy;
    private final double[] diagonalNoise;

    /** {@code similarity}: row-major n x n, not modified. */
    NoisySimilarity(double[] similarity, int n, long seed) {
        this(similarity, n, seed, () -> { });
    }

    /**
     * As {@link #NoisySimilarity(double[], int, long)}, running {@code alongside} too. From
     * {@link AffinityPropagationSolver#PARALLEL_FROM} on, a second thread draws the uniforms of the polar method
     * (the generator and its rejections, the part that must run in order) and then runs {@code alongside}, while
     * the caller follows it chunk by chunk with the logarithms and square roots and the sum with S.
     */
    NoisySimilarity(double[] similarity, int n, long seed, Runnable alongside) {
        this.similarity = similarity;
        this.n = n;
        this.degenerate = n == 1 || allOffDiagonalEqual(similarity, n);
        this.noisy = degenerate ? null : new double[similarity.length];
        this.diagonalNoise = new double[degenerate ? 0 : n];
        if (degenerate) {
            alongside.run();
            return;
        }
        LegacyRandomState random = new LegacyRandomState(seed);
        if (n < AffinityPropagationSolver.PARALLEL_FROM) {
            alongside.run();
            inChunks((from, to) -> addNoise(from, to, random.polarPoints(noisy, from, to)));
            return;
        }
        AtomicInteger drawn = new AtomicInteger(); // entries [0, drawn) hold their points
        double[] lastX1 = new double[1];
        Future<Object> second = Parallel.alongside(() -> {
            inChunks((from, to) -> {
                lastX1[0] = random.polarPoints(noisy, from, to);
                drawn.set(to); // publishes the chunk (and lastX1) to the caller
            });
            alongside.run();
            return null;
        }, "dnnc-noise");
        inChunks((from, to) -> {
            while (drawn.get() < to) {
                if (second.isDone()) {
                    Futures.await(second, "the noise's uniforms"); // rethrows its failure
                } else {
                    Thread.yield(); // the machine may be shared: leave the core to whoever waits for it
                }
            }
            addNoise(from, to, lastX1[0]);
        });
        Futures.await(second, "the work alongside the noise");
    }

    private interface ChunkJob {
        void run(int from, int to);
    }

    /** {@code job} over the entries, a chunk at a time and in order. */
    private void inChunks(ChunkJob job) {
        for (int from = 0; from < noisy.length; from += CHUNK) {
            job.run(from, Math.min(noisy.length, from + CHUNK));
        }
    }

    /** Entries [from, to), holding their polar points, become S + (eps*S + 100*tiny) * G (see {@link LegacyRandomState#normalsFromPoints}). */
    private void addNoise(int from, int to, double lastX1) {
        LegacyRandomState.normalsFromPoints(noisy, from, to, lastX1);
        addToSimilarity(from, to);
    }

    /** Entries [from, to) of {@code noisy}, holding G, become S + (eps*S + 100*tiny) * G; the diagonal's G is kept apart. */
    private void addToSimilarity(int from, int to) {
        int step = n + 1;
        int diagonal = (from + n) / step * step; // the first diagonal entry at or after from: no division per entry
        for (int k = from; k < to; k++) {
            double g = noisy[k];
            double v = similarity[k];
            if (k == diagonal) {
                diagonalNoise[k / step] = g;
                noisy[k] = v; // replaced by the preference in at()
                diagonal += step;
            } else {
                noisy[k] = v + (EPS * v + TINY_100) * g;
            }
        }
    }

    /**
     * The noisy matrix at this preference. Every preference shares one array (a solve only reads it), so it holds
     * until the next call: solve one preference at a time.
     */
    double[] at(double preference) {
        for (int i = 0; i < n; i++) {
            noisy[i * n + i] = preference + (EPS * preference + TINY_100) * diagonalNoise[i];
        }
        return noisy;
    }

    private static boolean allOffDiagonalEqual(double[] s, int n) {
        double first = s[1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && s[i * n + j] != first) {
                    return false;
                }
            }
        }
        return true;
    }
}

package dnnc.plugins.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * scikit-learn 1.2's {@code _affinity_propagation}, operation for operation in the same floating-point order
 * (so A, R, labels and iteration counts are bit-identical), with NumPy's whole-matrix passes fused into one pass
 * per iteration over primitive arrays ({@link MessagePasses}): row by row, A's update and the row maxima of A + S,
 * then R's update and its column sums. Whether a point is an exemplar after an iteration is known before its pass
 * (A's diagonal needs only R's diagonal and the column sums), so the last iteration's pass updates A alone and R
 * stays scikit-learn's. The rows run in SIMD lanes when the JDK's vector API is present (see {@link AffinityMessages}).
 * {@link #inFloat32()} runs the same iterations in float32 ({@link SinglePrecisionMessages}).
 */
public final class AffinityPropagationSolver {
    /** The smallest n whose solves (and noise) run on two threads. */
    static final int PARALLEL_FROM = 200;

    private final double damping;
    private final int maxIter;
    private final int convergenceIter;
    private final int parallelFrom;
    private final boolean float32;

    public AffinityPropagationSolver(double damping, int maxIter, int convergenceIter) {
        this(damping, maxIter, convergenceIter, PARALLEL_FROM);
    }

    /** {@code parallelFrom}: the smallest n solved on two threads (tests force both paths). */
    AffinityPropagationSolver(double damping, int maxIter, int convergenceIter, int parallelFrom) {
        this(damping, maxIter, convergenceIter, parallelFrom, false);
    }

    private AffinityPropagationSolver(double damping, int maxIter, int convergenceIter, int parallelFrom, boolean float32) {
        this.parallelFrom = parallelFrom;
        this.float32 = float32;
        if (!(damping >= 0.5 && damping < 1)) {
            throw new IllegalArgumentException("damping must be in [0.5, 1); got " + damping);
        }
        this.damping = damping;
        this.maxIter = maxIter;
        this.convergenceIter = convergenceIter;
    }

    /**
     * This solver with the messages in float32: about twice as fast, while exemplars can differ from scikit-learn's
     * where candidates are within float32 rounding of each other (the labels are still assigned in float64).
     * Needs the JDK's vector module ({@code --add-modules jdk.incubator.vector}, as the dnnc launcher passes).
     */
    public AffinityPropagationSolver inFloat32() {
        if (!AffinityMessages.LANES) {
            throw new IllegalStateException("float32 affinity propagation needs the JDK's vector module (--add-modules jdk.incubator.vector)");
        }
        return new AffinityPropagationSolver(damping, maxIter, convergenceIter, parallelFrom, true);
    }

    /** What one run produced; {@code a} and {@code r} are null for the degenerate cases that skip the loop. */
    public record Run(int[] labels, int[] exemplars, int iterations, boolean converged, List<String> warnings,
                      double[] a, double[] r) {
        public int clusterCount() {
            return exemplars.length;
        }
    }

    /** scikit-learn's default preference: the median of all n^2 entries (NumPy: mean of the middle two when even). */
    public static double median(double[] similarity) {
        return MedianSelection.median(similarity);
    }

    /** Row-major n x n similarity (not modified). */
    public Run solve(double[] similarity, int n, double preference, long seed) {
        return solve(new NoisySimilarity(similarity, n, seed), preference);
    }

    /** One preference on a similarity whose noise is already drawn (a preference sweep draws it once). */
    Run solve(NoisySimilarity similarity, double preference) {
        return solve(similarity, preference, null);
    }

    /**
     * As {@link #solve(NoisySimilarity, double)}, the messages starting from {@code warmStart}'s final A and R instead
     * of zero (float64 only; null or a run without messages: from zero). A sweep walks its grid so, each fit from its
     * neighbour's messages: far fewer iterations, while the result is no longer scikit-learn's fit from zero.
     */
    Run solve(NoisySimilarity similarity, double preference, Run warmStart) {
        int n = similarity.n;
        List<String> warnings = new ArrayList<>();
        if (similarity.degenerate) {
            warnings.add("All samples have mutually equal similarities. Returning arbitrary cluster center(s).");
            if (preference >= similarity.similarity[n - 1]) {
                int[] own = new int[n];
                Arrays.setAll(own, i -> i);
                return new Run(own, own.clone(), 0, true, warnings, null, null);
            }
            return new Run(new int[n], new int[] {0}, 0, true, warnings, null, null);
        }
        double[] s = similarity.at(preference);
        boolean warm = warmStart != null && warmStart.a() != null && !float32;
        MessageKernel messages = float32 ? new SinglePrecisionMessages(s, n, damping)
                : new AffinityMessages(s, warm ? warmStart.a().clone() : new double[n * n], warm ? warmStart.r().clone() : new double[n * n],
                        n, damping);
        boolean[][] history = new boolean[convergenceIter][];
        boolean[] exemplar = null;
        boolean converged = false;
        int it;
        try (SolverCores.Lease cores = SolverCores.take(n >= parallelFrom);
             MessagePasses passes = new MessagePasses(messages, n, cores.count() == 2)) {
            passes.pass(false, true); // R from A = 0
            for (it = 0; it < maxIter; it++) {
                exemplar = new boolean[n];
                int count = 0;
                for (int i = 0; i < n; i++) {
                    exemplar[i] = messages.nextExemplar(i);
                    count += exemplar[i] ? 1 : 0;
                }
                history[it % convergenceIter] = exemplar;
                converged = it >= convergenceIter && count > 0 && stable(history, n);
                passes.pass(true, !converged && it < maxIter - 1);
                if (converged) {
                    break;
                }
            }
        }
        double[] a = messages.a();
        double[] r = messages.r();
        int iterations = converged ? it + 1 : maxIter;
        int[] exemplars = indicesOf(exemplar);
        if (exemplars.length == 0) {
            warnings.add("Affinity propagation did not converge and this model will not have any cluster centers.");
            int[] none = new int[n];
            Arrays.fill(none, -1);
            return new Run(none, exemplars, iterations, false, warnings, a, r);
        }
        if (!converged) {
            warnings.add("Affinity propagation did not converge, this model may return degenerate cluster centers and labels.");
        }
        return assign(s, n, exemplars, iterations, converged, warnings, a, r);
    }

    private static boolean stable(boolean[][] history, int n) {
        for (int i = 0; i < n; i++) {
            boolean first = history[0][i];
            for (boolean[] h : history) {
                if (h[i] != first) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Nearest exemplar, refine each cluster's exemplar to its most central member, assign again. */
    private static Run assign(double[] s, int n, int[] exemplars, int iterations, boolean converged,
                              List<String> warnings, double[] a, double[] r) {
        int k = exemplars.length;
        int[] c = nearest(s, n, exemplars);
        for (int cluster = 0; cluster < k; cluster++) {
            int[] members = membersOf(c, cluster);
            int best = 0;
            double bestSum = Double.NEGATIVE_INFINITY;
            for (int col = 0; col < members.length; col++) {
                double sum = 0.0;
                for (int member : members) {
                    sum += s[member * n + members[col]];
                }
                if (sum > bestSum) {
                    bestSum = sum;
                    best = col;
                }
            }
            exemplars[cluster] = members[best];
        }
        c = nearest(s, n, exemplars);
        int[] centres = Arrays.stream(c).map(x -> exemplars[x]).distinct().sorted().toArray();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = Arrays.binarySearch(centres, exemplars[c[i]]);
        }
        return new Run(labels, centres, iterations, converged, warnings, a, r);
    }

    private static int[] nearest(double[] s, int n, int[] exemplars) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int e = 1; e < exemplars.length; e++) {
                if (s[i * n + exemplars[e]] > s[i * n + exemplars[best]]) {
                    best = e;
                }
            }
            c[i] = best;
        }
        for (int e = 0; e < exemplars.length; e++) {
            c[exemplars[e]] = e;
        }
        return c;
    }

    private static int[] membersOf(int[] c, int cluster) {
        return java.util.stream.IntStream.range(0, c.length).filter(i -> c[i] == cluster).toArray();
    }

    private static int[] indicesOf(boolean[] flags) {
        return java.util.stream.IntStream.range(0, flags.length).filter(i -> flags[i]).toArray();
    }
}

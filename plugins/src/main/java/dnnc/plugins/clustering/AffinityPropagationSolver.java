package dnnc.plugins.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * scikit-learn 1.2's {@code _affinity_propagation}, operation for operation in the same floating-point order
 * (so A, R, labels and iteration counts are bit-identical), with NumPy's whole-matrix passes fused into two
 * sweeps per iteration over primitive arrays:
 * <ol>
 * <li>by column bands: responsibilities R and the column sums of max(R, 0) (rows summed in order, as NumPy's
 * axis-0 sum does, which is why this sweep splits columns and not rows);</li>
 * <li>by row bands: availabilities A, then the next iteration's row maximum and runner-up of A + S.</li>
 * </ol>
 * Both sweeps run in SIMD lanes when the JDK's vector API is present (see {@link AffinityMessages}).
 */
public final class AffinityPropagationSolver {
    private static final int PARALLEL_FROM = 200;

    private final double damping;
    private final int maxIter;
    private final int convergenceIter;
    private final int parallelFrom;

    public AffinityPropagationSolver(double damping, int maxIter, int convergenceIter) {
        this(damping, maxIter, convergenceIter, PARALLEL_FROM);
    }

    /** {@code parallelFrom}: the smallest n solved on two threads (tests force both paths). */
    AffinityPropagationSolver(double damping, int maxIter, int convergenceIter, int parallelFrom) {
        this.parallelFrom = parallelFrom;
        if (!(damping >= 0.5 && damping < 1)) {
            throw new IllegalArgumentException("damping must be in [0.5, 1); got " + damping);
        }
        this.damping = damping;
        this.maxIter = maxIter;
        this.convergenceIter = convergenceIter;
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
        double[] work = similarity.clone();
        int n = work.length;
        int upper = n / 2;
        double high = select(work, upper);
        if (n % 2 == 1) {
            return high;
        }
        double low = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < upper; i++) { // after selection, the lower half holds the smaller values
            low = Math.max(low, work[i]);
        }
        return (low + high) / 2.0;
    }

    /** The k-th smallest value (0-based), partitioning {@code v} around it (Hoare's quickselect). */
    private static double select(double[] v, int k) {
        int lo = 0;
        int hi = v.length - 1;
        while (lo < hi) {
            double pivot = v[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }

    /** Row-major n x n similarity (not modified). */
    public Run solve(double[] similarity, int n, double preference, long seed) {
        return solve(new NoisySimilarity(similarity, n, seed), preference);
    }

    /** One preference on a similarity whose noise is already drawn (a preference sweep draws it once). */
    Run solve(NoisySimilarity similarity, double preference) {
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
        double[] a = new double[n * n];
        double[] r = new double[n * n];
        AffinityMessages m = new AffinityMessages(s, a, r, n, damping);
        boolean[][] history = new boolean[convergenceIter][];
        boolean[] exemplar = null;
        boolean converged = false;
        int it;
        try (TwoBands bands = new TwoBands(n >= parallelFrom)) {
            bands.run(n, m::rowMaxima); // A = 0: the maxima of S itself
            for (it = 0; it < maxIter; it++) {
                Arrays.fill(m.columnSums, 0.0);
                bands.run(n, m::responsibilities);
                bands.run(n, m::availabilitiesAndNextMaxima);
                exemplar = new boolean[n];
                int count = 0;
                for (int i = 0; i < n; i++) {
                    exemplar[i] = a[i * n + i] + r[i * n + i] > 0;
                    count += exemplar[i] ? 1 : 0;
                }
                history[it % convergenceIter] = exemplar;
                if (it >= convergenceIter && count > 0 && stable(history, n)) {
                    converged = true;
                    break;
                }
            }
        }
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

package dnnc.plugins.clustering;

import dnnc.api.PreferenceSweep;
import dnnc.api.Progress;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses affinity propagation's preference by a sweep instead of by hand (the study's main weakness).
 * <p>The grid runs from p_min (one cluster) to p_max (the largest off-diagonal similarity). Cluster counts change
 * fastest near p_max, so the grid is geometric in the distance d = p_max - p: d from p_max - p_min down to
 * 1/1000 of it, then p_max itself. Each point is solved with damping 0.5, retried with 0.7 and then 0.9 when it
 * does not converge (as Frey and Dueck's own code does); a point that never converges breaks plateaus.
 * <p>A plateau is a run of consecutive converged grid points whose cluster counts stay within a relative
 * tolerance of each other (max - min &lt;= tolerance * min; 0 = the same count); plateaus at one cluster or
 * above n/2 clusters (mostly singletons, the regime next to p_max) are trivial and never chosen.
 * Being evenly spaced in log d, its width on that log scale is its number of points; the widest wins (on a tie
 * the one with fewer clusters), and the chosen preference is its middle on the log scale: p_max - sqrt(d_first d_last).
 */
final class PreferenceSweeper {
    static final double[] RETRY_DAMPINGS = {0.7, 0.9};
    private static final double SMALLEST_DISTANCE_SHARE = 1e-3;

    private final double startDamping;
    private final int maxIter;
    private final int convergenceIter;
    private final int points;
    private final double plateauTolerance;

    PreferenceSweeper(double startDamping, int maxIter, int convergenceIter, int points, double plateauTolerance) {
        this.plateauTolerance = plateauTolerance;
        this.startDamping = startDamping;
        this.maxIter = maxIter;
        this.convergenceIter = convergenceIter;
        this.points = points;
    }

    /** A solved point: the run that converged first on the damping ladder (or the last one tried). */
    record Point(double preference, AffinityPropagationSolver.Run run, boolean succeeded) {
    }

    record Outcome(PreferenceSweep sweep, List<String> warnings) {
    }

    /** One similarity matrix and seed, with what all its solves share: the noise (drawn once) and the median. */
    record Problem(NoisySimilarity similarity, double median) {
        static Problem of(double[] s, int n, long seed) {
            return new Problem(new NoisySimilarity(s, n, seed), AffinityPropagationSolver.median(s));
        }
    }

    Outcome sweep(Problem problem, Progress progress) {
        double[] s = problem.similarity().similarity;
        int n = problem.similarity().n;
        double pMax = largestOffDiagonal(s, n);
        double pMin = oneClusterPreference(s, n);
        List<String> warnings = new ArrayList<>();
        int clustersAtMin = -1; // the range search's last solve, when it was at the final p_min
        boolean succeededAtMin = false;
        for (int widen = 0; widen < 4; widen++) {
            Point point = solve(problem, pMin);
            clustersAtMin = point.run().clusterCount();
            succeededAtMin = point.succeeded();
            if (!succeededAtMin || clustersAtMin <= 1) {
                break;
            }
            pMin = pMax - 1.5 * (pMax - pMin);
            clustersAtMin = -1;
        }
        double span = Math.max(pMax - pMin, 1e-12);
        double[] preferences = new double[points];
        for (int i = 0; i < points - 1; i++) {
            double exponent = (double) i / (points - 2);
            preferences[i] = pMax - span * Math.pow(SMALLEST_DISTANCE_SHARE, exponent);
        }
        preferences[points - 1] = pMax;
        int[] counts = new int[points];
        boolean[] converged = new boolean[points];
        for (int i = 0; i < points; i++) {
            if (i == 0 && clustersAtMin >= 0 && Double.doubleToLongBits(preferences[0]) == Double.doubleToLongBits(pMin)) {
                counts[0] = clustersAtMin; // the grid starts where the range search last solved: same input, same run
                converged[0] = succeededAtMin;
            } else {
                Point point = solve(problem, preferences[i]);
                counts[i] = point.run().clusterCount();
                converged[i] = point.succeeded();
            }
            progress.advance(1);
            progress.status("preference " + String.format("%.4g", preferences[i]) + ": " + counts[i] + " clusters");
        }
        double chosen = widestPlateauMiddle(preferences, counts, converged, n, pMax, plateauTolerance);
        if (Double.isNaN(chosen)) {
            chosen = problem.median();
            warnings.add("preference sweep found no stable cluster count over two or more grid points; used the median " + chosen);
        }
        return new Outcome(new PreferenceSweep(preferences, counts, converged, chosen), warnings);
    }

    /**
     * Solves at one preference with the configured damping, retried with each higher rung of 0.7, 0.9 while the
     * run fails: not converged, or "converged" with every point its own exemplar at a preference below the
     * median similarity (the oscillation the study met at -10, which scikit-learn's rule can take for convergence).
     */
    Point solve(Problem problem, double preference) {
        int n = problem.similarity().n;
        double median = problem.median();
        AffinityPropagationSolver.Run run = new AffinityPropagationSolver(startDamping, maxIter, convergenceIter).solve(problem.similarity(), preference);
        for (double damping : RETRY_DAMPINGS) {
            if (succeeded(run, n, preference, median) || damping <= startDamping) {
                continue;
            }
            run = new AffinityPropagationSolver(damping, maxIter, convergenceIter).solve(problem.similarity(), preference);
        }
        return new Point(preference, run, succeeded(run, n, preference, median));
    }

    private static boolean succeeded(AffinityPropagationSolver.Run run, int n, double preference, double median) {
        return run.converged() && !(n > 1 && run.clusterCount() == n && preference < median);
    }

    /** Plateau: counts within {@code tolerance} (relative to the smallest) of each other; 0 = exactly equal. */
    static double widestPlateauMiddle(double[] preferences, int[] counts, boolean[] converged, int n, double pMax, double tolerance) {
        int bestStart = -1;
        int bestLength = 1;
        int last = preferences.length - 1; // p_max itself lies off the log-distance scale
        for (int start = 0; start < last; ) {
            int end = start;
            int low = counts[start];
            int high = counts[start];
            while (end + 1 < last && converged[end + 1] && converged[start]
                    && Math.max(high, counts[end + 1]) - Math.min(low, counts[end + 1]) <= tolerance * Math.min(low, counts[end + 1])) {
                end++;
                low = Math.min(low, counts[end]);
                high = Math.max(high, counts[end]);
            }
            int length = end - start + 1;
            boolean trivial = low <= 1 || 2 * high > n || !converged[start];
            if (!trivial && length > bestLength) {
                bestLength = length;
                bestStart = start;
            }
            start = end + 1;
        }
        if (bestStart < 0) {
            return Double.NaN;
        }
        double dFirst = pMax - preferences[bestStart];
        double dLast = pMax - preferences[bestStart + bestLength - 1];
        return pMax - Math.sqrt(dFirst * dLast);
    }

    static double largestOffDiagonal(double[] s, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    max = Math.max(max, s[i * n + j]);
                }
            }
        }
        return max;
    }

    /**
     * Frey and Dueck's bound: one cluster wins while p < dpsim1 - dpsim2, dpsim1 the best single exemplar's summed
     * similarity and dpsim2 the best pair's; the pair is searched greedily around the best single exemplar
     * (O(n^2)), so the caller checks the count there and widens the range if needed.
     */
    static double oneClusterPreference(double[] s, int n) {
        int best = 0;
        double dpsim1 = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (i != k) {
                    sum += s[i * n + k];
                }
            }
            if (sum > dpsim1) {
                dpsim1 = sum;
                best = k;
            }
        }
        double dpsim2 = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < n; l++) {
            if (l == best) {
                continue;
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (i != best && i != l) {
                    sum += Math.max(s[i * n + best], s[i * n + l]);
                }
            }
            dpsim2 = Math.max(dpsim2, sum);
        }
        return n < 3 ? dpsim1 - 1 : dpsim1 - dpsim2;
    }
}

package dnnc.plugins.clustering;

import dnnc.api.PreferenceSweep;
import dnnc.api.Progress;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses affinity propagation's preference by a sweep instead of by hand (the study's main weakness).
 * <p>The grid runs from p_min (one cluster) to p_max (the largest off-diagonal similarity). Cluster counts change
 * fastest near p_max, so the grid is geometric in the distance d = p_max - p: d from p_max - p_min down to
 * 1/1000 of it, then p_max itself. Each point is solved up the {@link ConvergenceLadder}'s dampings at the configured
 * iteration limit ({@link ConvergenceLadder#capped}); a point that does not converge so breaks plateaus. The grid is
 * walked from p_max down, each fit starting from the messages of the last converged point above it: a few dozen
 * iterations instead of hundreds. Only the sweep is warm: the clusterings reported are fits from zero.
 * <p>A plateau is a run of consecutive converged grid points whose cluster counts stay within a relative
 * tolerance of each other (max - min &lt;= tolerance * min; 0 = the same count); plateaus at one cluster, below
 * the configured fewest clusters, or above n/2 clusters (mostly singletons, the regime next to p_max) are trivial and never chosen.
 * Being evenly spaced in log d, its width on that log scale is its number of points; plateaus are ranked widest
 * first (on a tie the one with fewer clusters), and a plateau's preference is its middle on the log scale:
 * p_max - sqrt(d_first d_last). The widest is chosen; the others are the fallbacks for a group of matrices that
 * does not converge everywhere at the widest one's middle.
 */
final class PreferenceSweeper {
    private static final double SMALLEST_DISTANCE_SHARE = 1e-3;

    private final ConvergenceLadder ladder;
    private final ConvergenceLadder gridLadder;
    private final int points;
    private final double plateauTolerance;
    private final int fewestClusters;

    /** {@code fewestClusters}: plateaus with fewer clusters than this are never chosen (2: any but one cluster). */
    PreferenceSweeper(ConvergenceLadder ladder, int points, double plateauTolerance, int fewestClusters) {
        this.ladder = ladder;
        this.gridLadder = ladder.capped();
        this.plateauTolerance = plateauTolerance;
        this.points = points;
        this.fewestClusters = fewestClusters;
    }

    record Outcome(PreferenceSweep sweep, List<String> warnings) {
    }

    /** One similarity matrix and seed, with what all its solves share: the noise (drawn once) and the median. */
    record Problem(NoisySimilarity similarity, double median) {
        /** The median is selected on the second core once it has drawn the noise's uniforms (see {@link NoisySimilarity}). */
        static Problem of(double[] s, int n, long seed) {
            double[] median = new double[1];
            NoisySimilarity noisy = new NoisySimilarity(s, n, seed, () -> median[0] = AffinityPropagationSolver.median(s));
            return new Problem(noisy, median[0]);
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
        ConvergenceLadder rangeLadder = gridLadder;
        for (int widen = 0; widen < 4; widen++) {
            ConvergenceLadder.Fit fit = rangeLadder.fit(problem.similarity(), pMin, problem.median());
            clustersAtMin = fit.run().clusterCount();
            succeededAtMin = fit.succeeded();
            if (!succeededAtMin || clustersAtMin <= 1) {
                break;
            }
            pMin = pMax - 1.5 * (pMax - pMin);
            clustersAtMin = -1;
            // lower preferences oscillate at least as much: the lower p_min starts at the damping that converged here
            // (the study's matrices: 0.5 and 0.7 ran their 200 iterations at every p_min, each time)
            rangeLadder = gridLadder.from(fit.rung().damping());
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
        AffinityPropagationSolver.Run neighbour = null;
        for (int i = points - 1; i >= 0; i--) {
            if (i == 0 && clustersAtMin >= 0 && Double.doubleToLongBits(preferences[0]) == Double.doubleToLongBits(pMin)) {
                counts[0] = clustersAtMin; // the grid ends where the range search last solved: same input, same run
                converged[0] = succeededAtMin;
            } else {
                ConvergenceLadder.Fit fit = gridLadder.fit(problem.similarity(), preferences[i], problem.median(), neighbour);
                counts[i] = fit.run().clusterCount();
                converged[i] = fit.succeeded();
                neighbour = fit.succeeded() ? fit.run() : neighbour;
            }
            progress.advance(1);
            progress.status("preference " + String.format("%.4g", preferences[i]) + ": " + counts[i] + " clusters");
        }
        List<PreferenceSweep.Plateau> plateaus = plateaus(preferences, counts, converged, n, pMax, plateauTolerance, fewestClusters);
        double chosen;
        if (plateaus.isEmpty()) {
            chosen = problem.median();
            warnings.add("preference sweep found no stable cluster count of " + fewestClusters
                    + " or more clusters over two or more grid points; used the median " + chosen);
        } else {
            chosen = plateaus.get(0).middle();
        }
        return new Outcome(new PreferenceSweep(preferences, counts, converged, chosen, plateaus), warnings);
    }

    /**
     * A preference whose clustering converges with {@code fewest} to {@code most} clusters, searched by bisection on
     * the sweep's scale (t in [0, 1]: p = p_max - (p_max - p_min) * 1000^-t, from one cluster at t = 0 towards every
     * point alone), at most {@code fits} fits; the fit at it, or empty when no fit landed in the range.
     */
    java.util.Optional<ConvergenceLadder.Fit> withinRange(Problem problem, int fewest, int most, int fits) {
        double[] s = problem.similarity().similarity;
        int n = problem.similarity().n;
        double pMax = largestOffDiagonal(s, n);
        double span = Math.max(pMax - oneClusterPreference(s, n), 1e-12);
        double low = 0;
        double high = 1;
        for (int i = 0; i < fits; i++) {
            double t = (low + high) / 2;
            ConvergenceLadder.Fit fit = solve(problem, pMax - span * Math.pow(SMALLEST_DISTANCE_SHARE, t));
            int count = fit.run().clusterCount();
            if (fit.succeeded() && count >= fewest && count <= most) {
                return java.util.Optional.of(fit);
            }
            if (fit.succeeded() && count > most) {
                high = t;
            } else {
                low = t; // too few clusters, or no convergence (which happens at low preferences): move towards more
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The rung a kind's clusterings start from, found on its representative at {@code preference}: the first damping
     * at which the representative converges within the first rung's iteration limit, with that damping's own limit
     * on the full ladder. A damping at which it converges only after several times that limit (738 of 1,000
     * iterations at 0.7 on the study's ACE features) is one at which it oscillates most of the way, and at which the
     * kind's other alphas mostly do not converge in 1,000 (5 of 7 there: 1,000 iterations each before the next rung)
     * while at the next damping they converge in about 50. When no damping converges within that limit, the full
     * ladder decides as for any fit.
     */
    ConvergenceLadder.Fit settle(Problem problem, double preference) {
        ConvergenceLadder.Fit prompt = gridLadder.fit(problem.similarity(), preference, problem.median());
        if (!prompt.succeeded()) {
            return solve(problem, preference);
        }
        ConvergenceLadder.Rung rung = ladder.rungAt(prompt.rung().damping());
        return new ConvergenceLadder.Fit(preference, prompt.run(), rung, true, ladder.rungsUpTo(rung));
    }

    /** Solves at one preference up the convergence ladder. */
    ConvergenceLadder.Fit solve(Problem problem, double preference) {
        return ladder.fit(problem.similarity(), preference, problem.median());
    }

    /** The middle of the widest plateau, or NaN when there is none. */
    static double widestPlateauMiddle(double[] preferences, int[] counts, boolean[] converged, int n, double pMax, double tolerance,
                                      int fewestClusters) {
        List<PreferenceSweep.Plateau> plateaus = plateaus(preferences, counts, converged, n, pMax, tolerance, fewestClusters);
        return plateaus.isEmpty() ? Double.NaN : plateaus.get(0).middle();
    }

    /**
     * Every non-trivial plateau of two or more points, widest first (on a tie, fewer clusters first). Plateau:
     * counts within {@code tolerance} (relative to the smallest) of each other; 0 = exactly equal. Trivial, never
     * returned: one cluster, fewer than {@code fewestClusters}, more than n/2.
     */
    static List<PreferenceSweep.Plateau> plateaus(double[] preferences, int[] counts, boolean[] converged, int n, double pMax, double tolerance,
                                                  int fewestClusters) {
        List<int[]> found = new ArrayList<>(); // start, length, fewest, most
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
            boolean trivial = low <= 1 || low < fewestClusters || 2 * high > n || !converged[start];
            if (!trivial && length > 1) {
                found.add(new int[] {start, length, low, high});
            }
            start = end + 1;
        }
        found.sort(java.util.Comparator.comparingInt((int[] f) -> -f[1]).thenComparingInt(f -> f[0]));
        List<PreferenceSweep.Plateau> plateaus = new ArrayList<>();
        for (int[] f : found) {
            double from = preferences[f[0]];
            double to = preferences[f[0] + f[1] - 1];
            plateaus.add(new PreferenceSweep.Plateau(from, to, pMax - Math.sqrt((pMax - from) * (pMax - to)), f[2], f[3]));
        }
        return plateaus;
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

package dnnc.plugins.clustering;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * scikit-learn 1.2's {@code _affinity_propagation} transcribed step by step with plain loops and whole-matrix
 * temporaries, as the NumPy code reads (no fused sweeps, no lanes, no threads): the reference the solver is
 * checked against on random inputs. Row maxima follow the scalar rule the solver documents: the first position
 * of the maximum, and the maximum over the other positions; comparisons with {@code >} skip NaN.
 */
final class ScalarAffinityPropagation {
    record Result(double[] a, double[] r, int iterations, int[] labels) {
    }

    private ScalarAffinityPropagation() {
    }

    /** S with the preference on its diagonal plus scikit-learn's noise, one standard normal after another. */
    static double[] noisy(double[] similarity, int n, double preference, long seed) {
        double[] s = similarity.clone();
        for (int i = 0; i < n; i++) {
            s[i * n + i] = preference;
        }
        LegacyRandomState random = new LegacyRandomState(seed);
        for (int k = 0; k < s.length; k++) {
            s[k] = s[k] + (Math.ulp(1.0) * s[k] + Double.MIN_NORMAL * 100) * random.standardNormal();
        }
        return s;
    }

    static Result run(double[] similarity, int n, double preference, long seed, double damping, int maxIter, int convergenceIter) {
        double[] s = noisy(similarity, n, preference, seed);
        double[] a = new double[n * n];
        double[] r = new double[n * n];
        boolean[][] e = new boolean[convergenceIter][n];
        boolean[] exemplar = new boolean[n];
        int it;
        for (it = 0; it < maxIter; it++) {
            double[] tmp = new double[n * n];
            for (int k = 0; k < tmp.length; k++) {
                tmp[k] = a[k] + s[k];
            }
            int[] best = new int[n];
            double[] y = new double[n];
            double[] y2 = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if (tmp[i * n + j] > y[i]) {
                        y[i] = tmp[i * n + j];
                        best[i] = j;
                    }
                }
                y2[i] = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if (j != best[i] && tmp[i * n + j] > y2[i]) {
                        y2[i] = tmp[i * n + j];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double fresh = j == best[i] ? s[i * n + j] - y2[i] : s[i * n + j] - y[i];
                    r[i * n + j] = r[i * n + j] * damping + fresh * (1 - damping);
                }
            }
            double[] columnSums = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    tmp[i * n + j] = i == j ? r[i * n + j] : Math.max(r[i * n + j], 0);
                    columnSums[j] += tmp[i * n + j];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double t = tmp[i * n + j] - columnSums[j];
                    t = i == j ? t : Math.max(t, 0);
                    a[i * n + j] = a[i * n + j] * damping - t * (1 - damping);
                }
            }
            int count = 0;
            for (int i = 0; i < n; i++) {
                exemplar[i] = a[i * n + i] + r[i * n + i] > 0;
                e[it % convergenceIter][i] = exemplar[i];
                count += exemplar[i] ? 1 : 0;
            }
            if (it >= convergenceIter && count > 0 && IntStream.range(0, n).allMatch(i -> allSame(e, i))) {
                break;
            }
        }
        int iterations = it < maxIter ? it + 1 : maxIter;
        return new Result(a, r, iterations, labels(s, n, exemplar));
    }

    private static boolean allSame(boolean[][] e, int i) {
        return Arrays.stream(e).allMatch(h -> h[i] == e[0][i]);
    }

    /** scikit-learn's assignment: nearest exemplar, each cluster's most central member as its exemplar, again. */
    private static int[] labels(double[] s, int n, boolean[] exemplar) {
        int[] centres = IntStream.range(0, n).filter(i -> exemplar[i]).toArray();
        if (centres.length == 0) {
            int[] none = new int[n];
            Arrays.fill(none, -1);
            return none;
        }
        int[] c = nearest(s, n, centres);
        for (int k = 0; k < centres.length; k++) {
            int cluster = k;
            int[] members = IntStream.range(0, n).filter(i -> c[i] == cluster).toArray();
            double[] sums = new double[members.length];
            for (int row : members) {
                for (int col = 0; col < members.length; col++) {
                    sums[col] += s[row * n + members[col]];
                }
            }
            int central = 0;
            for (int col = 1; col < members.length; col++) {
                central = sums[col] > sums[central] ? col : central;
            }
            centres[k] = members[central];
        }
        int[] assigned = nearest(s, n, centres);
        int[] exemplarOf = Arrays.stream(assigned).map(k -> centres[k]).toArray();
        int[] unique = Arrays.stream(exemplarOf).distinct().sorted().toArray();
        return Arrays.stream(exemplarOf).map(x -> Arrays.binarySearch(unique, x)).toArray();
    }

    private static int[] nearest(double[] s, int n, int[] centres) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 1; k < centres.length; k++) {
                c[i] = s[i * n + centres[k]] > s[i * n + centres[c[i]]] ? k : c[i];
            }
        }
        for (int k = 0; k < centres.length; k++) {
            c[centres[k]] = k;
        }
        return c;
    }
}

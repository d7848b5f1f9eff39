package dnnc.plugins.clustering;

import java.util.SplittableRandom;

/** Lloyd's k-means with k-means++ seeding over the rows of a row-major points x dims array; best of several starts. */
final class KMeansCore {
    private KMeansCore() {
    }

    record Result(int[] labels, int iterations, boolean converged, double inertia) {
    }

    static Result cluster(double[] points, int n, int dims, int k, int starts, int maxIter, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Result best = null;
        for (int start = 0; start < starts; start++) {
            Result r = lloyd(points, n, dims, k, maxIter, plusPlus(points, n, dims, k, random.split()));
            if (best == null || r.inertia() < best.inertia()) {
                best = r;
            }
        }
        return best;
    }

    private static double[] plusPlus(double[] x, int n, int dims, int k, SplittableRandom random) {
        double[] centres = new double[k * dims];
        int first = random.nextInt(n);
        System.arraycopy(x, first * dims, centres, 0, dims);
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = squaredDistance(x, i * dims, centres, 0, dims);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : nearest) {
                total += d;
            }
            double target = random.nextDouble() * total;
            int chosen = n - 1;
            for (int i = 0; i < n; i++) {
                target -= nearest[i];
                if (target < 0) {
                    chosen = i;
                    break;
                }
            }
            System.arraycopy(x, chosen * dims, centres, c * dims, dims);
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(x, i * dims, centres, c * dims, dims));
            }
        }
        return centres;
    }

    private static Result lloyd(double[] x, int n, int dims, int k, int maxIter, double[] centres) {
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, -1);
        int iteration = 0;
        boolean changed = true;
        double inertia = 0;
        while (changed && iteration < maxIter) {
            iteration++;
            changed = false;
            inertia = 0;
            for (int i = 0; i < n; i++) {
                int bestCentre = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double d = squaredDistance(x, i * dims, centres, c * dims, dims);
                    if (d < bestDistance) {
                        bestDistance = d;
                        bestCentre = c;
                    }
                }
                inertia += bestDistance;
                if (labels[i] != bestCentre) {
                    labels[i] = bestCentre;
                    changed = true;
                }
            }
            double[] sums = new double[k * dims];
            int[] sizes = new int[k];
            for (int i = 0; i < n; i++) {
                sizes[labels[i]]++;
                for (int d = 0; d < dims; d++) {
                    sums[labels[i] * dims + d] += x[i * dims + d];
                }
            }
            for (int c = 0; c < k; c++) {
                if (sizes[c] == 0) {
                    continue; // an emptied centre stays where it was
                }
                for (int d = 0; d < dims; d++) {
                    centres[c * dims + d] = sums[c * dims + d] / sizes[c];
                }
            }
        }
        return new Result(ClusterLabels.compact(labels), iteration, !changed, inertia);
    }

    private static double squaredDistance(double[] a, int aOffset, double[] b, int bOffset, int dims) {
        double sum = 0;
        for (int d = 0; d < dims; d++) {
            double diff = a[aOffset + d] - b[bOffset + d];
            sum += diff * diff;
        }
        return sum;
    }
}

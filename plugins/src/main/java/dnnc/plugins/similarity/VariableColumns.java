package dnnc.plugins.similarity;

import dnnc.api.Matrix;

import java.util.Arrays;

/** Columns of a samples x variables matrix as contiguous rows (variables x samples), constant ones left out. */
final class VariableColumns {
    private VariableColumns() {
    }

    /** Indices of the columns whose values are not all equal: only these have a defined correlation. */
    static int[] nonConstant(Matrix x) {
        int[] kept = new int[x.cols()];
        int count = 0;
        for (int j = 0; j < x.cols(); j++) {
            double first = x.get(0, j);
            for (int s = 1; s < x.rows(); s++) {
                if (x.get(s, j) != first) {
                    kept[count++] = j;
                    break;
                }
            }
        }
        return Arrays.copyOf(kept, count);
    }

    /** The kept columns, each as one contiguous row of {@code x.rows()} values. */
    static double[][] transposed(Matrix x, int[] kept) {
        double[][] columns = new double[kept.length][x.rows()];
        double[] v = x.values();
        int cols = x.cols();
        for (int s = 0; s < x.rows(); s++) {
            int base = s * cols;
            for (int k = 0; k < kept.length; k++) {
                columns[k][s] = v[base + kept[k]];
            }
        }
        return columns;
    }

    static void centre(double[] column) {
        double sum = 0;
        for (double v : column) {
            sum += v;
        }
        double mean = sum / column.length;
        for (int i = 0; i < column.length; i++) {
            column[i] -= mean;
        }
    }

    /**
     * Average ranks, 1-based, ties sharing the mean of their positions (scipy.stats.rankdata 'average').
     * A tied block occupies sorted positions lo..hi, so its rank is (lo + hi) / 2 + 1.
     */
    static void rankInPlace(double[] column) {
        int n = column.length;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            column[i] += 0.0; // -0.0 and 0.0 tie, as in NumPy's comparisons
            sorted[i] = column[i];
        }
        Arrays.sort(sorted);
        double[] blockRank = new double[n];
        for (int lo = 0; lo < n; ) {
            int hi = lo;
            while (hi + 1 < n && sorted[hi + 1] == sorted[lo]) {
                hi++;
            }
            blockRank[lo] = (lo + hi) / 2.0 + 1.0;
            lo = hi + 1;
        }
        for (int i = 0; i < n; i++) {
            column[i] = blockRank[firstIndex(sorted, column[i])];
        }
    }

    private static int firstIndex(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

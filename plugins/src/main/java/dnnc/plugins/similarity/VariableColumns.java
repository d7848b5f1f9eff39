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
        for (int i = 0; i < column.length; i++) {
            column[i] += 0.0; // -0.0 and 0.0 tie, as in NumPy's comparisons
        }
        if (!rankFloatsInPlace(column)) {
            rankBySearchInPlace(column);
        }
    }

    /**
     * The ranks in one sort when every value is a float (as the study's activations are): each value's
     * order-preserving 32 bits and its index packed in one long, so sorting the longs sorts the indices by value
     * and no value has to be searched for (the search was most of the ranking time). False, and nothing
     * changed, when a value is not exactly a float or is NaN.
     */
    static boolean rankFloatsInPlace(double[] column) {
        int n = column.length;
        long[] keyAndIndex = new long[n];
        for (int i = 0; i < n; i++) {
            float f = (float) column[i];
            if (f != column[i]) {
                return false; // not a float, or NaN
            }
            int bits = Float.floatToRawIntBits(f);
            int ordered = bits ^ ((bits >> 31) & 0x7fffffff); // signed-int order equals float order
            keyAndIndex[i] = ((long) ordered << 32) | i;
        }
        Arrays.sort(keyAndIndex);
        for (int lo = 0; lo < n; ) {
            int key = (int) (keyAndIndex[lo] >> 32);
            int hi = lo;
            while (hi + 1 < n && (int) (keyAndIndex[hi + 1] >> 32) == key) {
                hi++;
            }
            double rank = (lo + hi) / 2.0 + 1.0;
            for (int p = lo; p <= hi; p++) {
                column[(int) keyAndIndex[p]] = rank;
            }
            lo = hi + 1;
        }
        return true;
    }

    static void rankBySearchInPlace(double[] column) {
        int n = column.length;
        double[] sorted = column.clone();
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

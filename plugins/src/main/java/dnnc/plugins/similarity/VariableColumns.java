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
        if (!rankByOneSortInPlace(column)) {
            rankBySearchInPlace(column);
        }
    }

    /**
     * The ranks in one sort of longs: each value's order-preserving 64 bits with the lowest ones replaced by its
     * index, so sorting the longs sorts the indices by value and no value has to be searched for (the search was
     * most of the ranking time). Values equal in every bit but those few low ones (within ~2^-42 relative of each
     * other) land next to each other in index order and are put in value order by insertion. False, and nothing
     * changed, when a value is NaN.
     */
    static boolean rankByOneSortInPlace(double[] column) {
        int n = column.length;
        int indexBits = 32 - Integer.numberOfLeadingZeros(Math.max(n - 1, 1));
        long indexMask = (1L << indexBits) - 1;
        long[] keyAndIndex = new long[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(column[i])) {
                return false;
            }
            long bits = Double.doubleToRawLongBits(column[i]);
            long ordered = bits ^ ((bits >> 63) & Long.MAX_VALUE); // signed-long order equals double order
            keyAndIndex[i] = (ordered & ~indexMask) | i;
        }
        Arrays.sort(keyAndIndex);
        int[] order = new int[n];
        for (int p = 0; p < n; p++) {
            order[p] = (int) (keyAndIndex[p] & indexMask);
        }
        for (int lo = 0; lo < n; ) {
            int hi = lo;
            while (hi + 1 < n && (keyAndIndex[hi + 1] & ~indexMask) == (keyAndIndex[lo] & ~indexMask)) {
                hi++;
            }
            if (hi > lo) {
                insertionSortByValue(order, lo, hi, column);
            }
            lo = hi + 1;
        }
        double[] ranks = new double[n];
        for (int lo = 0; lo < n; ) {
            int hi = lo;
            while (hi + 1 < n && column[order[hi + 1]] == column[order[lo]]) {
                hi++;
            }
            double rank = (lo + hi) / 2.0 + 1.0;
            for (int p = lo; p <= hi; p++) {
                ranks[order[p]] = rank;
            }
            lo = hi + 1;
        }
        System.arraycopy(ranks, 0, column, 0, n);
        return true;
    }

    /** Sorts order[lo..hi] by column value (stable; a block of equal values costs one comparison per element). */
    private static void insertionSortByValue(int[] order, int lo, int hi, double[] column) {
        for (int p = lo + 1; p <= hi; p++) {
            int moving = order[p];
            int q = p - 1;
            while (q >= lo && column[order[q]] > column[moving]) {
                order[q + 1] = order[q];
                q--;
            }
            order[q + 1] = moving;
        }
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

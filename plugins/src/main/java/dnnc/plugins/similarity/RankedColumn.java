package dnnc.plugins.similarity;

import java.util.Arrays;

/**
 * One variable's samples by rank, computed once and shared by every pair it is in (Kendall's tau).
 *
 * @param rank       dense rank of each sample: 0 for the smallest value, equal values share one rank
 * @param order      the samples sorted by value (ascending)
 * @param position   where each sample stands in {@code order}
 * @param below      how many samples are strictly smaller than each sample
 * @param blockStart where each rank's block of tied samples starts in {@code order}, then the sample count
 * @param tiedPairs  pairs of samples with equal values: sum over blocks of c (c - 1) / 2
 */
record RankedColumn(int[] rank, int[] order, int[] position, int[] below, int[] blockStart, long tiedPairs) {

    static RankedColumn of(double[] values) {
        int n = values.length;
        double[] sorted = new double[n];
        for (int s = 0; s < n; s++) {
            sorted[s] = values[s] + 0.0; // -0.0 and 0.0 tie, as in NumPy's comparisons
        }
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        int[] rank = new int[n];
        int[] blockStart = new int[distinct + 1];
        for (int s = 0; s < n; s++) {
            rank[s] = Arrays.binarySearch(sorted, 0, distinct, values[s] + 0.0);
            blockStart[rank[s] + 1]++;
        }
        long tiedPairs = 0;
        for (int r = 0; r < distinct; r++) {
            long count = blockStart[r + 1];
            tiedPairs += count * (count - 1) / 2;
            blockStart[r + 1] += blockStart[r];
        }
        int[] order = new int[n];
        int[] position = new int[n];
        int[] below = new int[n];
        int[] nextSlot = Arrays.copyOf(blockStart, distinct);
        for (int s = 0; s < n; s++) {
            position[s] = nextSlot[rank[s]]++;
            order[position[s]] = s;
            below[s] = blockStart[rank[s]];
        }
        return new RankedColumn(rank, order, position, below, blockStart, tiedPairs);
    }
}

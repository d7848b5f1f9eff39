package dnnc.plugins.clustering;

import java.util.Arrays;

/**
 * The median of many doubles by radix selection over their bit patterns mapped to order-preserving longs: a
 * histogram of the top 16 bits finds the buckets holding the middle ranks, only those buckets' values are kept, and
 * the next 16 bits split them again. Two passes over the input, each with a branch the CPU predicts (taken only for
 * the few values kept), instead of quickselect's many with its unpredictable comparisons and its copy of the input:
 * about 5 ms against 30 ms for the 2.9 million similarities of N = 1,700. NaN-free input; -0.0 counts as 0.0 (a
 * zero median comes out as 0.0).
 */
final class MedianSelection {
    private static final int DIGIT_BITS = 16;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int TOP_SHIFT = Long.SIZE - DIGIT_BITS;

    private MedianSelection() {
    }

    /** NumPy's median: the middle value, or the mean of the middle two for an even count. {@code values} is not modified. */
    static double median(double[] values) {
        int count = values.length;
        int highRank = count / 2;
        int lowRank = count % 2 == 1 ? highRank : highRank - 1;
        int[] histogram = new int[BUCKETS];
        for (double v : values) {
            histogram[digit(key(v), TOP_SHIFT)]++;
        }
        int lowDigit = bucketOf(histogram, lowRank);
        int highDigit = bucketOf(histogram, highRank);
        int below = countBelow(histogram, lowDigit);
        int span = highDigit - lowDigit;
        long[] kept = new long[countBelow(histogram, highDigit + 1) - below];
        int size = 0;
        for (double v : values) {
            long k = key(v);
            if (Integer.compareUnsigned(digit(k, TOP_SHIFT) - lowDigit, span) <= 0) {
                kept[size++] = k;
            }
        }
        long[] middle = middleKeys(kept, lowRank - below, highRank - below, histogram);
        double low = value(middle[0]);
        double high = value(middle[1]);
        return count % 2 == 1 ? high : (low + high) / 2.0;
    }

    /**
     * The keys of ranks {@code lowRank} and {@code lowRank + 1} (or {@code lowRank} twice) among {@code keys},
     * which it reorders; {@code histogram} is scratch.
     */
    private static long[] middleKeys(long[] keys, int lowRank, int highRank, int[] histogram) {
        int size = keys.length;
        for (int shift = TOP_SHIFT; shift >= 0; shift -= DIGIT_BITS) {
            Arrays.fill(histogram, 0);
            for (int i = 0; i < size; i++) {
                histogram[digit(keys[i], shift)]++;
            }
            int lowDigit = bucketOf(histogram, lowRank);
            int highDigit = bucketOf(histogram, highRank);
            if (lowDigit != highDigit) { // adjacent ranks in two buckets: the largest of one, the smallest of the other
                long low = Long.MIN_VALUE;
                long high = Long.MAX_VALUE;
                for (int i = 0; i < size; i++) {
                    int d = digit(keys[i], shift);
                    if (d == lowDigit) {
                        low = Math.max(low, keys[i]);
                    } else if (d == highDigit) {
                        high = Math.min(high, keys[i]);
                    }
                }
                return new long[] {low, high};
            }
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (digit(keys[i], shift) == lowDigit) {
                    keys[kept++] = keys[i];
                }
            }
            int below = countBelow(histogram, lowDigit);
            lowRank -= below;
            highRank -= below;
            size = kept;
        }
        return new long[] {keys[0], keys[0]}; // every bit split on: the keys left are equal
    }

    /** The digit whose bucket holds {@code rank} (0-based, ascending). */
    private static int bucketOf(int[] histogram, int rank) {
        int below = 0;
        for (int d = 0; ; d++) {
            below += histogram[d];
            if (rank < below) {
                return d;
            }
        }
    }

    private static int countBelow(int[] histogram, int digit) {
        int below = 0;
        for (int d = 0; d < digit; d++) {
            below += histogram[d];
        }
        return below;
    }

    /** A long ordered as the doubles are (signed comparison), -0.0 mapped to 0.0's key. */
    static long key(double v) {
        long bits = Double.doubleToRawLongBits(v + 0.0);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    static double value(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    /** The 16 bits of the key below {@code shift}, in unsigned order (the sign bit flipped). */
    private static int digit(long key, int shift) {
        return (int) ((key ^ Long.MIN_VALUE) >>> shift) & (BUCKETS - 1);
    }
}

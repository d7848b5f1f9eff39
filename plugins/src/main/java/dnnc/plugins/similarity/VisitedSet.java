package dnnc.plugins.similarity;

import java.util.Arrays;

/**
 * A set of positions 0..size that counts its members below any position in constant time: a bit per position
 * and, per 64-bit word, how many members lie in earlier words. Adding a member updates those counts in one
 * fixed-length, branch-free loop of size / 64 additions (at a thousand positions: 13 us per Kendall pair,
 * against 16-19 us with two-level counts, whose shorter loops cost more than they save).
 */
final class VisitedSet {
    private final long[] bits;
    private final int[] inEarlierWords;

    VisitedSet(int size) {
        bits = new long[(size >>> 6) + 1]; // position == size is a valid limit for countBelow
        inEarlierWords = new int[bits.length];
    }

    void clear() {
        Arrays.fill(bits, 0L);
        Arrays.fill(inEarlierWords, 0);
    }

    void add(int position) {
        int word = position >>> 6;
        bits[word] |= 1L << position;
        for (int w = 0; w < inEarlierWords.length; w++) {
            inEarlierWords[w] += (word - w) >>> 31; // +1 for every later word
        }
    }

    /** Members at positions below {@code limit}. */
    int countBelow(int limit) {
        int word = limit >>> 6;
        return inEarlierWords[word] + Long.bitCount(bits[word] & ((1L << limit) - 1)); // Java shifts by limit mod 64
    }
}

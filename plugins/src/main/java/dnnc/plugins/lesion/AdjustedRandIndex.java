package dnnc.plugins.lesion;

import java.util.HashMap;
import java.util.Map;

/**
 * Adjusted Rand index of two labelings (Hubert and Arabie 1985), as scikit-learn's adjusted_rand_score.
 * Neurons labelled -1 (left out as constant) in either labeling are ignored.
 */
public final class AdjustedRandIndex {
    private AdjustedRandIndex() {
    }

    public static double of(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("labelings of " + a.length + " and " + b.length + " items");
        }
        Map<Long, Integer> joint = new HashMap<>();
        Map<Integer, Integer> rowsA = new HashMap<>();
        Map<Integer, Integer> colsB = new HashMap<>();
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 || b[i] < 0) {
                continue;
            }
            joint.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1, Integer::sum);
            rowsA.merge(a[i], 1, Integer::sum);
            colsB.merge(b[i], 1, Integer::sum);
            n++;
        }
        double index = joint.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
        double sumA = rowsA.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
        double sumB = colsB.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
        double expected = n < 2 ? 0 : sumA * sumB / pairs(n);
        double max = (sumA + sumB) / 2;
        if (max == expected) {
            // both labelings are a single cluster or all singletons: identical partitions (scikit-learn returns 1)
            return 1.0;
        }
        return (index - expected) / (max - expected);
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }
}

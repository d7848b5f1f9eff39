package dnnc.api;

import java.util.HashMap;
import java.util.Map;

/**
 * A partition of items into clusters: a label per item, -1 for an item left out (a constant neuron). Two
 * partitions of the same items are compared by their adjusted Rand index, across seeds within a run or across runs.
 */
public record Partition(int[] labels) {
    /**
     * Adjusted Rand index (Hubert and Arabie 1985), as scikit-learn's adjusted_rand_score; items left out in either
     * partition are ignored.
     */
    public double adjustedRandIndex(Partition other) {
        int[] a = labels;
        int[] b = other.labels;
        if (a.length != b.length) {
            throw new IllegalArgumentException("partitions of " + a.length + " and " + b.length + " items");
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
        double index = joint.values().stream().mapToDouble(Partition::pairs).sum();
        double sumA = rowsA.values().stream().mapToDouble(Partition::pairs).sum();
        double sumB = colsB.values().stream().mapToDouble(Partition::pairs).sum();
        double expected = n < 2 ? 0 : sumA * sumB / pairs(n);
        double max = (sumA + sumB) / 2;
        if (max == expected) {
            // both partitions are a single cluster or all singletons: identical partitions (scikit-learn returns 1)
            return 1.0;
        }
        return (index - expected) / (max - expected);
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }
}

package dnnc.plugins.clustering;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Radix selection against the quickselect it replaced, on inputs built to hit its buckets' edge cases. */
class MedianSelectionTest {
    /** The solver's median before radix selection: a copy, Hoare's quickselect, the largest of the lower half. */
    static double quickselectMedian(double[] similarity) {
        double[] work = similarity.clone();
        int n = work.length;
        int upper = n / 2;
        double high = select(work, upper);
        if (n % 2 == 1) {
            return high;
        }
        double low = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < upper; i++) { // after selection, the lower half holds the smaller values
            low = Math.max(low, work[i]);
        }
        return (low + high) / 2.0;
    }

    /** The k-th smallest value (0-based), partitioning {@code v} around it (Hoare's quickselect). */
    private static double select(double[] v, int k) {
        int lo = 0;
        int hi = v.length - 1;
        while (lo < hi) {
            double pivot = v[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }

    /** Equal as doubles (a zero median may be -0.0 in quickselect, whose result depends on the order). */
    private static void assertSameMedian(double[] values) {
        double expected = quickselectMedian(values);
        double actual = MedianSelection.median(values.clone());
        if (expected == 0.0) {
            assertEquals(0.0, actual, 0.0);
        } else {
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), () -> expected + " vs " + actual);
        }
    }

    @Test
    void matchesQuickselectOnRandomValuesOfEverySign() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            int size = 1 + random.nextInt(trial < 100 ? 12 : 5000);
            double[] v = new double[size];
            for (int i = 0; i < size; i++) {
                v[i] = switch (trial % 4) {
                    case 0 -> random.nextDouble(-1, 1);
                    case 1 -> -random.nextDouble() * 1e-3; // all negative
                    case 2 -> 1 + random.nextDouble() * 1e-9; // one top-level bucket, split on lower bits
                    default -> Math.scalb(random.nextDouble(-1, 1), random.nextInt(-1000, 1000));
                };
            }
            assertSameMedian(v);
        }
    }

    @Test
    void matchesQuickselectWithTiesAndZeros() {
        SplittableRandom random = new SplittableRandom(5);
        double[] pool = {-2.5, -1.0, -0.0, 0.0, 0.0, 1e-300, 3.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE};
        for (int trial = 0; trial < 400; trial++) {
            int size = 1 + random.nextInt(trial < 200 ? 9 : 3000);
            int distinct = 1 + random.nextInt(pool.length);
            double[] v = new double[size];
            for (int i = 0; i < size; i++) {
                v[i] = pool[random.nextInt(distinct)];
            }
            assertSameMedian(v);
        }
    }

    @Test
    void evenAndOddSizesWithTheMiddleTwoInDifferentBuckets() {
        assertSameMedian(new double[] {-1.0, 1.0});
        assertSameMedian(new double[] {5.0, 1.0, 1.0 + Math.ulp(1.0), 7.0});
        assertSameMedian(new double[] {-0.0, 0.0});
        assertSameMedian(new double[] {4.0});
        assertSameMedian(new double[] {2.0, 2.0, 2.0, 2.0, 2.0, 2.0});
        assertSameMedian(new double[] {3.0, -3.0, 3.0, -3.0});
        assertSameMedian(new double[] {Double.NEGATIVE_INFINITY, 1.0, Double.POSITIVE_INFINITY});
    }

    @Test
    void leavesItsInputAsItWas() {
        double[] v = {3.0, 1.0, 2.0, 0.5};
        MedianSelection.median(v);
        assertEquals(java.util.List.of(3.0, 1.0, 2.0, 0.5), java.util.Arrays.stream(v).boxed().toList());
    }
}

package dnnc.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PartitionTest {
    @Test
    void matchesScikitLearnsDocumentedExamples() {
        // contingency {2; 1; 1} vs {2, 2}: index 1, expected 1 * 2 / 6, max 3/2 -> (2/3) / (7/6) = 4/7
        assertEquals(4.0 / 7.0, ari(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1}), 1e-15);
        assertEquals(1.0, ari(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0}), 1e-15);
        assertEquals(0.0, ari(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3}), 1e-15);
    }

    @Test
    void handComputedExampleWithNegativeAdjustment() {
        // a = {0,0,0,1,1,1}, b = {0,1,0,1,0,1}: joint counts 2,1,1,2 -> index 2; sumA = 6, sumB = 6, C(6,2) = 15:
        // expected 36/15 = 2.4, max 6 -> (2 - 2.4) / (6 - 2.4) = -1/9 (scikit-learn: -0.1111111111111111)
        assertEquals(-1.0 / 9.0, ari(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 1, 0, 1, 0, 1}), 1e-15);
    }

    @Test
    void ignoresNeuronsLeftOutAsConstant() {
        assertEquals(4.0 / 7.0, ari(new int[] {0, -1, 0, 1, 2, 5}, new int[] {0, 3, 0, 1, 1, -1}), 1e-15);
    }

    private static double ari(int[] a, int[] b) {
        return new Partition(a).adjustedRandIndex(new Partition(b));
    }
}

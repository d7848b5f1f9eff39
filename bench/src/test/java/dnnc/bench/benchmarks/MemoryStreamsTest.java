package dnnc.bench.benchmarks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stream kernels touch exactly their share, and the shares tile the arrays. */
class MemoryStreamsTest {
    @Test
    void anApIterationDampsRAndAInPlaceOnItsShareOnly() {
        double[] s = {1, 2, 3, 4};
        double[] r = {2, 2, 2, 2};
        double[] a = {0, 1, 2, 3};
        MemoryStreams.apIteration(s, r, a, 1, 3);
        // r' = 0.5 r + 0.5 (s - a), a' = 0.5 a + 0.25 r'
        assertArrayEquals(new double[] {2, 1.5, 1.5, 2}, r);
        assertArrayEquals(new double[] {0, 0.875, 1.375, 3}, a);
    }

    @Test
    void sharesTileTheRangeWithoutGapOrOverlap() {
        int length = 10;
        int parts = 3;
        assertEquals(0, MemoryStreams.shareStart(length, parts, 0));
        assertEquals(3, MemoryStreams.shareStart(length, parts, 1));
        assertEquals(6, MemoryStreams.shareStart(length, parts, 2));
        assertEquals(length, MemoryStreams.shareStart(length, parts, parts));
        assertEquals(1_500_000_000, MemoryStreams.shareStart(2_000_000_000, 4, 3), "no int overflow on large arrays");
    }

    @Test
    void aCopyCopiesItsShare() {
        double[] source = {1, 2, 3, 4};
        double[] target = new double[4];
        MemoryStreams.copy(source, target, 2, 4);
        assertArrayEquals(new double[] {0, 0, 3, 4}, target);
    }
}

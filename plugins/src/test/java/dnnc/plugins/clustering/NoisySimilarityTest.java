package dnnc.plugins.clustering;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The noise drawn in two stages (and on two threads from PARALLEL_FROM on) against one standard normal after another. */
class NoisySimilarityTest {

    private static double[] similarity(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] s = new double[n * n];
        for (int k = 0; k < s.length; k++) {
            s[k] = k % 7 == 0 ? 0.25 : random.nextDouble(-3, 1); // ties, negatives and positives
        }
        return s;
    }

    /** Odd n: an odd count of values, whose last pair is half used; n = 200 and up: the two-thread path. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 9, 64, 199, 200, 201, 257})
    void equalsTheSequentialStreamBitForBit(int n) {
        for (long seed : new long[] {0, 7, 4294967295L}) {
            double[] s = similarity(n, seed + n);
            NoisySimilarity noisy = new NoisySimilarity(s, n, seed);
            for (double preference : new double[] {-1.5, 0.0, 0.3}) {
                assertArrayEquals(ScalarAffinityPropagation.noisy(s, n, preference, seed), noisy.at(preference),
                        "n " + n + ", seed " + seed + ", preference " + preference);
            }
        }
    }

    @Test
    void runsWhatItDoesAlongsideOnceAndBeforeReturning() {
        for (int n : new int[] {1, 5, 220}) {
            AtomicInteger runs = new AtomicInteger();
            new NoisySimilarity(similarity(n, 1), n, 3, runs::incrementAndGet);
            assertEquals(1, runs.get(), "n " + n);
        }
    }

    @Test
    void aFailureAlongsideReachesTheCaller() {
        IllegalStateException failure = new IllegalStateException("alongside");
        for (int n : new int[] {5, 220}) {
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> new NoisySimilarity(similarity(n, 1), n, 3, () -> {
                throw failure;
            }));
            assertSame(failure, thrown, "n " + n);
        }
    }

    /** Both stages in chunks of any size (odd ones included) give standardNormal's values and leave its state. */
    @Test
    void polarStagesEqualStandardNormals() {
        SplittableRandom sizes = new SplittableRandom(11);
        for (int trial = 0; trial < 40; trial++) {
            long seed = sizes.nextLong(1L << 32);
            int count = sizes.nextInt(1, 3000);
            LegacyRandomState reference = new LegacyRandomState(seed);
            double[] expected = new double[count];
            for (int k = 0; k < count; k++) {
                expected[k] = reference.standardNormal();
            }
            LegacyRandomState staged = new LegacyRandomState(seed);
            double[] actual = new double[count];
            int chunk = 2 * sizes.nextInt(1, 200);
            for (int start = 0; start < count; start += chunk) {
                int end = Math.min(count, start + chunk);
                LegacyRandomState.normalsFromPoints(actual, start, end, staged.polarPoints(actual, start, end));
            }
            assertArrayEquals(expected, actual, "seed " + seed + ", count " + count + ", chunk " + chunk);
            for (int k = 0; k < 3; k++) {
                assertEquals(Double.doubleToLongBits(reference.standardNormal()), Double.doubleToLongBits(staged.standardNormal()),
                        "the state after " + count + " values");
            }
        }
    }
}

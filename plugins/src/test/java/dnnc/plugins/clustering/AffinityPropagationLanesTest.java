package dnnc.plugins.clustering;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The solver's SIMD sweeps against {@link ScalarAffinityPropagation}, bit for bit, where ties and odd sizes hide. */
class AffinityPropagationLanesTest {
    private static final double[] DAMPINGS = {0.5, 0.7, 0.9};

    @BeforeAll
    static void lanesAreOn() {
        assertTrue(AffinityMessages.LANES, "tests run with --add-modules jdk.incubator.vector (plugins/pom.xml)");
    }

    static IntStream sizes() {
        return IntStream.concat(IntStream.rangeClosed(2, 40), IntStream.of(203, 331));
    }

    /**
     * Coarse values (halves, or integer distances) so that row maxima repeat, within and across lanes; symmetric or
     * not; never with all off-diagonal values equal (the degenerate case that skips the iterations).
     */
    private static double[] tiedSimilarity(int n, SplittableRandom random) {
        double[] s = new double[n * n];
        boolean distances = random.nextBoolean();
        boolean symmetric = n > 2 && random.nextBoolean(); // at n = 2 a symmetric matrix is always degenerate
        do {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double v = distances ? -random.nextInt(4) : Math.rint(2 * random.nextGaussian()) / 2;
                    s[i * n + j] = symmetric && j < i ? s[j * n + i] : v;
                }
            }
        } while (IntStream.range(0, n * n).allMatch(k -> k / n == k % n || s[k] == s[1]));
        return s;
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void equalsTheScalarReferenceOnTiedRandomMatrices(int n) {
        SplittableRandom random = new SplittableRandom(n);
        for (int trial = 0; trial < 3; trial++) {
            double[] s = tiedSimilarity(n, random);
            double[] sorted = s.clone();
            Arrays.sort(sorted);
            double preference = sorted[random.nextInt(sorted.length)];
            double damping = DAMPINGS[trial];
            long seed = random.nextInt(1000);
            int maxIter = 200;
            ScalarAffinityPropagation.Result expected = ScalarAffinityPropagation.run(s, n, preference, seed, damping, maxIter, 15);
            for (int parallelFrom : new int[] {Integer.MAX_VALUE, 1}) {
                AffinityPropagationSolver.Run run = new AffinityPropagationSolver(damping, maxIter, 15, parallelFrom).solve(s, n, preference, seed);
                String what = "n=" + n + " trial " + trial + (parallelFrom == 1 ? " two threads" : " one thread");
                assertEquals(expected.iterations(), run.iterations(), what + ": iterations");
                assertArrayEquals(expected.a(), run.a(), what + ": A");
                assertArrayEquals(expected.r(), run.r(), what + ": R");
                assertArrayEquals(expected.labels(), run.labels(), what + ": labels");
            }
        }
    }

    /**
     * Rows of A + S made of +0.0, -0.0, NaN, -inf and a few other values: the first position of the maximum and the
     * runner-up (with the sign of the first zero that reached it) must be the scalar loop's, whichever lanes they fell in.
     */
    @ParameterizedTest
    @MethodSource("zeroRowSizes")
    void signedZerosNaNAndInfinitiesGiveTheScalarLoopsMaxima(int n) {
        SplittableRandom random = new SplittableRandom(31 * n);
        double[] values = {0.0, -0.0, 0.0, -0.0, 1.0, -1.0, Double.NaN, Double.NEGATIVE_INFINITY};
        for (int trial = 0; trial < 20; trial++) {
            double[] s = new double[n * n];
            double top = random.nextBoolean() ? 1.0 : 0.0; // a row either peaks at 1 or only at zeros
            for (int k = 0; k < s.length; k++) {
                double v = values[random.nextInt(values.length)];
                s[k] = v > top ? -1.0 : v;
            }
            for (boolean parallel : new boolean[] {false, true}) {
                double[] a = new double[n * n];
                Arrays.fill(a, -0.0); // r = 0 and zero column sums leave A at -0.0, so A + S keeps the sign of S's zeros
                assertScalarMaxima(s, a, n, parallel, "n=" + n + " trial " + trial + (parallel ? " two bands" : ""));
            }
        }
    }

    private static void assertScalarMaxima(double[] s, double[] a, int n, boolean parallel, String what) {
        try (MessagePasses passes = new MessagePasses(new AffinityMessages(s, a, new double[n * n], n, 0.5), n, parallel)) {
            passes.pass(true, false);
            for (int i = 0; i < n; i++) {
                int row = i * n;
                int best = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if (a[row + j] + s[row + j] > max) {
                        max = a[row + j] + s[row + j];
                        best = j;
                    }
                }
                double runnerUp = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if (j != best && a[row + j] + s[row + j] > runnerUp) {
                        runnerUp = a[row + j] + s[row + j];
                    }
                }
                RowMaxima m = passes.maxima();
                assertEquals(best, m.first[i], what + " row " + i + ": argmax");
                assertEquals(Double.doubleToRawLongBits(max), Double.doubleToRawLongBits(m.top[i]), what + " row " + i + ": max");
                assertEquals(Double.doubleToRawLongBits(runnerUp), Double.doubleToRawLongBits(m.second[i]), what + " row " + i + ": runner-up");
            }
        }
    }

    static IntStream zeroRowSizes() {
        return IntStream.of(3, 9, 19, 37, 64);
    }

    @Test
    void aRowOfOnlyNaNAndMinusInfinityKeepsTheScalarDefaults() {
        int n = 21;
        double[] s = new double[n * n];
        for (int k = 0; k < s.length; k++) {
            s[k] = k % 3 == 0 ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        for (boolean parallel : new boolean[] {false, true}) {
            try (MessagePasses passes = new MessagePasses(new AffinityMessages(s, new double[n * n], new double[n * n], n, 0.5), n, parallel)) {
                passes.pass(true, false);
                for (int i = 0; i < n; i++) {
                    RowMaxima m = passes.maxima();
                    assertEquals(0, m.first[i]);
                    assertEquals(Double.NEGATIVE_INFINITY, m.top[i]);
                    assertEquals(Double.NEGATIVE_INFINITY, m.second[i]);
                }
            }
        }
    }
}

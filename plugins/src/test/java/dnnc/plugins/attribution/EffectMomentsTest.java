package dnnc.plugins.attribution;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fused moments against the computation they replaced: the baseline stored as doubles (summed over the alphas
 * then divided, or the class expectation summed over the classes of positive weight), the effects stored as
 * doubles and {@link RunningMoments#ofBlock} over them. Bits must match, in SIMD lanes and without.
 */
class EffectMomentsTest {
    private static final double[] CLASS_WEIGHTS = {0.15, 0, 0.3, 0.05, 0.5};

    @Test
    void latentAlphasGiveTheBitsOfTheStoredBaselinePath() {
        for (int neurons : new int[] {1, 7, 8, 9, 33, 203}) {
            int rows = 13;
            int cells = rows * neurons;
            float[] x = activations(7 * cells + 5, neurons);
            int[] slices = IntStream.range(0, 7).map(a -> 5 + a * cells).toArray();
            RunningMoments[] expected = storedBaselineMoments(x, slices, slices, ones(7), 7, rows, neurons);
            for (boolean vectorised : vectorisedOrNot()) {
                RunningMoments[][] actual = EffectMoments.of(x, List.of(new EffectMoments.Effects(DrawBaseline.meanOf(slices), slices)),
                        rows, neurons, vectorised);
                assertSameBits(expected, actual[0], "neurons " + neurons + " vectorised " + vectorised);
            }
        }
    }

    @Test
    void classesTogetherGiveTheBitsOfEachClassOnItsOwn() {
        for (int neurons : new int[] {3, 16, 21, 130}) {
            int rows = 9;
            int cells = rows * neurons;
            int classes = CLASS_WEIGHTS.length;
            float[] x = activations(classes * cells, neurons + 1);
            int[] slices = IntStream.range(0, classes).map(j -> j * cells).toArray();
            List<EffectMoments.Effects> groups = new ArrayList<>();
            List<RunningMoments[]> expected = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                double[] p = CLASS_WEIGHTS.clone();
                p[k] = 0;
                groups.add(new EffectMoments.Effects(DrawBaseline.expectation(slices, p), new int[] {slices[k]}));
                expected.add(storedBaselineMoments(x, new int[] {slices[k]}, slices, p, 1, rows, neurons));
            }
            for (boolean vectorised : vectorisedOrNot()) {
                RunningMoments[][] actual = EffectMoments.of(x, groups, rows, neurons, vectorised);
                assertEquals(classes, actual.length);
                for (int k = 0; k < classes; k++) {
                    assertSameBits(expected.get(k), actual[k], "class " + k + " neurons " + neurons + " vectorised " + vectorised);
                }
            }
        }
    }

    @Test
    void aBaselineCellIsTheStoredBaselinesCell() {
        float[] x = activations(40, 3);
        int[] slices = {0, 10, 20, 30};
        double[] p = {0.25, 0, 0.7, 0.05};
        double[] mean = storedBaseline(x, slices, ones(4), 4, 10);
        double[] expectation = storedBaseline(x, slices, p, 1, 10);
        for (int c = 0; c < 10; c++) {
            assertEquals(Double.doubleToRawLongBits(mean[c]), Double.doubleToRawLongBits(DrawBaseline.meanOf(slices).at(x, c)));
            assertEquals(Double.doubleToRawLongBits(expectation[c]), Double.doubleToRawLongBits(DrawBaseline.expectation(slices, p).at(x, c)));
        }
    }

    @Test
    void copiedEffectsAreTheStoredBaselinePathsFloats() {
        for (int neurons : new int[] {5, 8, 19}) {
            int rows = 7;
            int cells = rows * neurons;
            float[] x = activations(4 * cells, neurons + 2);
            int[] slices = IntStream.range(0, 4).map(a -> a * cells).toArray();
            double[] p = {0.2, 0.3, 0, 0.5};
            InterventionBlock latent = new InterventionBlock(rows, 4, x, 0, cells, DrawBaseline.meanOf(slices), new ChunkBuffers());
            InterventionBlock c2 = new InterventionBlock(rows, 1, x, 2 * cells, cells, DrawBaseline.expectation(slices, p), new ChunkBuffers());
            assertCopies(latent, x, slices, storedBaseline(x, slices, ones(4), 4, cells));
            assertCopies(c2, x, new int[] {2 * cells}, storedBaseline(x, slices, p, 1, cells));
        }
    }

    private static void assertCopies(InterventionBlock block, float[] x, int[] values, double[] baseline) {
        int at = 3;
        float[][] copied = new float[values.length][at + baseline.length];
        block.copyEffects(copied, at);
        for (int v = 0; v < values.length; v++) {
            for (int c = 0; c < baseline.length; c++) {
                float expected = (float) (x[values[v] + c] - baseline[c]);
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(copied[v][at + c]), "value " + v + " cell " + c);
            }
        }
    }

    /** Sigmoid-like and ReLU-like values with exact zeros, negative zeros and a wide range. */
    private static float[] activations(int length, long seed) {
        Random random = new Random(seed);
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = switch (random.nextInt(5)) {
                case 0 -> 0f;
                case 1 -> -0f;
                case 2 -> (float) (random.nextGaussian() * 1e4);
                default -> random.nextFloat();
            };
        }
        return x;
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    private static boolean[] vectorisedOrNot() {
        return EffectMoments.VECTORISED ? new boolean[] {true, false} : new boolean[] {false};
    }

    /** The replaced path: a latent's baseline summed then divided, a class's as weighted sum of positive weights. */
    private static double[] storedBaseline(float[] x, int[] slices, double[] weights, int divisor, int cells) {
        double[] baseline = new double[cells];
        for (int j = 0; j < slices.length; j++) {
            if (weights[j] == 0) {
                continue;
            }
            for (int c = 0; c < cells; c++) {
                baseline[c] += weights[j] == 1.0 ? x[slices[j] + c] : weights[j] * x[slices[j] + c];
            }
        }
        if (divisor != 1) {
            for (int c = 0; c < cells; c++) {
                baseline[c] /= divisor;
            }
        }
        return baseline;
    }

    private static RunningMoments[] storedBaselineMoments(float[] x, int[] values, int[] slices, double[] weights, int divisor,
                                                          int rows, int neurons) {
        int cells = rows * neurons;
        double[] baseline = storedBaseline(x, slices, weights, divisor, cells);
        RunningMoments[] moments = new RunningMoments[values.length];
        for (int v = 0; v < values.length; v++) {
            double[] effects = new double[cells];
            for (int c = 0; c < cells; c++) {
                effects[c] = x[values[v] + c] - baseline[c];
            }
            moments[v] = RunningMoments.ofBlock(effects, rows, neurons);
        }
        return moments;
    }

    private static void assertSameBits(RunningMoments[] expected, RunningMoments[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int v = 0; v < expected.length; v++) {
            assertEquals(expected[v].count(), actual[v].count(), what);
            assertArrayEquals(bits(expected[v].mean()), bits(actual[v].mean()), what + " value " + v + " mean");
            assertArrayEquals(bits(expected[v].standardError()), bits(actual[v].standardError()), what + " value " + v + " standard error");
        }
    }

    private static long[] bits(double[] values) {
        return java.util.Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}

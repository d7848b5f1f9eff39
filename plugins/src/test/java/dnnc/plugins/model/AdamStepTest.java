package dnnc.plugins.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AdamStepTest {
    private static final int LENGTH = 203;

    private static ByteBuffer floats(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder());
        buffer.asFloatBuffer().put(values);
        return buffer;
    }

    private static float[] read(ByteBuffer buffer) {
        float[] values = new float[buffer.capacity() / Float.BYTES];
        buffer.asFloatBuffer().get(values);
        return values;
    }

    private static float[] gaussian(Random random) {
        float[] v = new float[LENGTH];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    @Test
    void threeStepsOnSummedChunkGradientsMatchNd4jsAdamUpdater() {
        assertThreeStepsMatchNd4jsAdamUpdater(new Adam(1e-2));
    }

    /** The judge's rate falls linearly over the steps; ND4J's updater reads it from the schedule at each step. */
    @Test
    void aDecayingRateIsTakenStepByStepAsNd4jsUpdaterTakesIt() {
        assertThreeStepsMatchNd4jsAdamUpdater(new Adam(new LinearDecay(1e-2, 4)));
    }

    private static void assertThreeStepsMatchNd4jsAdamUpdater(Adam config) {
        Random random = new Random(5);
        float[] start = gaussian(random);
        GradientUpdater<?> nd4j = config.instantiate(Nd4j.create(DataType.FLOAT, config.stateSize(LENGTH)), true);
        INDArray theirs = Nd4j.create(start.clone(), new long[] {LENGTH}, 'c');
        AdamStep adam = new AdamStep(config);
        ByteBuffer ours = floats(start);
        float[] m = new float[LENGTH];
        float[] v = new float[LENGTH];
        for (int step = 0; step < 3; step++) {
            float[] first = gaussian(random);
            float[] second = gaussian(random);
            INDArray sum = Nd4j.create(first, new long[] {LENGTH}, 'c').addi(Nd4j.create(second, new long[] {LENGTH}, 'c'));
            nd4j.applyUpdater(sum, step, 0);
            theirs.subi(sum);
            adam.apply(ours, new ByteBuffer[] {floats(first), floats(second)}, 2, m, v, 0, LENGTH, step);
        }
        float[] expected = theirs.toFloatVector();
        float[] actual = read(ours);
        for (int i = 0; i < LENGTH; i++) {
            assertEquals(expected[i], actual[i], 1e-6f, "weight " + i);
        }
    }

    /** A range shorter than a SIMD vector takes the scalar loop; a long one the vector loop, but for its tail. */
    @Test
    void theScalarAndTheVectorLoopGiveTheSameBits() {
        Random random = new Random(8);
        float[] start = gaussian(random);
        float[] gradient = gaussian(random);
        AdamStep adam = new AdamStep(new Adam(1e-3, 0.9, 0.999, 1e-8));
        ByteBuffer whole = floats(start);
        float[] m = new float[LENGTH];
        float[] v = new float[LENGTH];
        adam.apply(whole, new ByteBuffer[] {floats(gradient)}, 1, m, v, 0, LENGTH, 4);
        ByteBuffer pieces = floats(start);
        float[] pm = new float[LENGTH];
        float[] pv = new float[LENGTH];
        for (int from = 0; from < LENGTH; from += 3) {
            adam.apply(pieces, new ByteBuffer[] {floats(gradient)}, 1, pm, pv, from, Math.min(LENGTH, from + 3), 4);
        }
        assertArrayEquals(read(whole), read(pieces));
        assertArrayEquals(m, pm);
        assertArrayEquals(v, pv);
    }
}

package dnnc.plugins.network;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SIMD logistic gives the bits of its scalar twin, which is plain float arithmetic (the same in the interpreter
 * and in compiled code), so no result depends on when the JIT compiled the loop; and it stays within 1e-7 of the
 * exact logistic.
 */
class VectorSigmoidTest {
    @Test
    void lanesGiveTheScalarTwinsBitsEverywhereAndStayAccurate() {
        SplittableRandom random = new SplittableRandom(11);
        int count = 1 << 16;
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextGaussian() * (i % 4 == 0 ? 60 : 6));
        }
        float[] edges = {0f, -0f, 88f, -88f, 87.9f, -87.9f, 100f, -100f, 1e-8f, -1e-8f, Float.MAX_VALUE, -Float.MAX_VALUE, 0.5f, -0.5f};
        System.arraycopy(edges, 0, values, 0, edges.length);
        ByteBuffer buffer = ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder());
        for (int round = 0; round < 30; round++) { // again and again, while the JIT compiles the loop at some point
            buffer.asFloatBuffer().put(values);
            VectorSigmoid.apply(buffer, 1, count - 1); // an odd start and length: lanes and the scalar tail both run
            for (int i = 1; i < count; i++) {
                float got = buffer.getFloat(i * Float.BYTES);
                assertEquals(Float.floatToIntBits(VectorSigmoid.scalar(values[i])), Float.floatToIntBits(got), "at " + values[i]);
                if (round == 0) {
                    assertEquals(1 / (1 + Math.exp(-values[i])), got, 1e-7, "at " + values[i]);
                }
            }
        }
    }
}

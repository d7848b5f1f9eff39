package dnnc.plugins.network;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The probe's ops kept reachable give INDArray's own row-wise ops and ND4J's ReLU bit for bit. */
class ReachableOpsTest {
    @Test
    void sameBitsAsInd4jsOwnOps() {
        INDArray matrix = random(37, 19, 1);
        INDArray bias = random(1, 19, 2);
        INDArray mask = Nd4j.createFromArray(random(1, 19, 3).gt(0).castTo(DataType.FLOAT).toFloatVector());

        assertArrayEquals(bits(matrix.dup().addiRowVector(bias)), bits(ReachableOps.addRowVector(matrix.dup(), bias)));
        assertArrayEquals(bits(matrix.dup().muliRowVector(mask)), bits(ReachableOps.mulRowVector(matrix.dup(), mask)));
        assertArrayEquals(bits(Transforms.relu(matrix.dup(), false)), bits(ReachableOps.relu(matrix.dup())));
    }

    private static INDArray random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        values[0] = -0f;
        return Nd4j.create(values, new long[] {rows, cols}, 'c');
    }

    private static int[] bits(INDArray array) {
        float[] values = array.data().asFloat();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}

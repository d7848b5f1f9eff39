package dnnc.plugins.network;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** OpenBLAS called directly gives ND4J's products bit for bit, on the decoder's layers and on odd shapes. */
class DenseGemmTest {

    @Test
    void productsEqualNd4jsBitForBit() {
        int[][] shapes = {{20, 128}, {128, 256}, {256, 512}, {512, 784}, {1, 5}, {5, 1}, {3, 17}, {33, 9}};
        Random random = new Random(7);
        for (int[] shape : shapes) {
            for (int rows : new int[] {1, 2, 7, 64, 255, 256}) {
                INDArray a = matrix(random, rows, shape[0]);
                INDArray b = matrix(random, shape[0], shape[1]);
                INDArray expected = Nd4j.create(DataType.FLOAT, rows, shape[1]);
                Nd4j.gemm(a, b, expected, false, false, 1.0, 0.0);
                INDArray actual = Nd4j.create(DataType.FLOAT, rows, shape[1]).assign(Float.NaN);
                DenseGemm.multiply(a, b, actual);
                assertArrayEquals(bits(expected), bits(actual), rows + " x " + shape[0] + " times " + shape[0] + " x " + shape[1]);
            }
        }
    }

    @Test
    void aScratchMatrixOverAPartOfItsBufferIsMultipliedInPlace() {
        Random random = new Random(8);
        INDArray buffer = Nd4j.create(DataType.FLOAT, 256, 40).assign(Float.NaN);
        INDArray c = Nd4j.create(buffer.data(), new long[] {10, 40}, new long[] {40, 1}, 0, 'c');
        INDArray a = matrix(random, 10, 30);
        INDArray b = matrix(random, 30, 40);
        INDArray expected = Nd4j.create(DataType.FLOAT, 10, 40);
        Nd4j.gemm(a, b, expected, false, false, 1.0, 0.0);
        DenseGemm.multiply(a, b, c);
        assertArrayEquals(bits(expected), bits(c));
    }

    private static INDArray matrix(Random random, int rows, int columns) {
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {rows, columns}, 'c');
    }

    private static int[] bits(INDArray x) {
        float[] values = x.dup('c').data().asFloat();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}

package dnnc.plugins.network;

import dnnc.api.Activations;
import dnnc.api.Lesion;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chunked, multi-threaded forward pass against the same network computed naively in double precision. */
class DenseNetworkProbeTest {
    private static final int[] SIZES = {6, 9, 7, 5};

    @Test
    void batchesSpanningSeveralChunksEqualTheNaiveForwardWithLesions() {
        DenseNetworkProbe probe = SeededDenseNetworks.decoder(3, SIZES);
        int batch = 2 * RowChunks.CHUNK_ROWS + 37; // two full chunks and a short one
        float[] x = gaussian(batch * SIZES[0], 4);
        Lesion lesion = Lesion.ofGlobal(probe.layout(), new int[] {1, SIZES[0] + 2, SIZES[0] + SIZES[1] + 4});
        Activations got = probe.forward(x, batch, lesion);
        double[][] want = naive(probe, x, batch, lesion);
        for (int l = 0; l < SIZES.length; l++) {
            for (int i = 0; i < want[l].length; i++) {
                assertEquals(want[l][i], got.layer(l)[i], 2e-6, "layer " + l + " value " + i);
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheBatchTheRowsCameIn() {
        DenseNetworkProbe probe = SeededDenseNetworks.decoder(5, SIZES);
        int batch = RowChunks.CHUNK_ROWS + 11;
        float[] x = gaussian(batch * SIZES[0], 6);
        float[] whole = probe.forward(x, batch, Lesion.none()).output();
        float[] lastRow = probe.forward(java.util.Arrays.copyOfRange(x, (batch - 1) * SIZES[0], batch * SIZES[0]), 1,
                Lesion.none()).output();
        assertArrayEquals(lastRow, java.util.Arrays.copyOfRange(whole, (batch - 1) * SIZES[3], batch * SIZES[3]));
    }

    @Test
    void sigmoidIsWithinOneTenMillionthOfTheExactLogistic() {
        float[] z = gaussian(1003, 7);
        for (int i = 0; i < z.length; i++) {
            z[i] *= 12; // reaches the saturated tails
        }
        INDArray a = Nd4j.createFromArray(z).reshape(17, 59).castTo(DataType.FLOAT);
        float[] got = Sigmoid.inPlace(a).data().asFloat();
        for (int i = 0; i < z.length; i++) {
            assertEquals(1 / (1 + Math.exp(-z[i])), got[i], 1e-7, "at " + z[i]);
        }
        assertTrue(Sigmoid.VECTORISED, "tests run with --add-modules jdk.incubator.vector (plugins/pom.xml)");
    }

    /**
     * The SIMD logistic gives the same bits as its scalar twin, also once C2 has compiled it (thousands of calls):
     * the vector API's own EXP differs in the last bit between interpreted and compiled code, which made a JVM's
     * first reconstructions differ from its later ones.
     */
    @Test
    void sigmoidGivesTheSameBitsInterpretedAndCompiled() {
        float[] z = gaussian(1021, 8);
        float[] expected = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            z[i] *= 12;
            expected[i] = 1f / (VectorSigmoid.exp(-z[i]) + 1f);
        }
        for (int call = 0; call < 20_000; call++) {
            INDArray a = Nd4j.createFromArray(z).reshape(1, z.length).castTo(DataType.FLOAT);
            float[] got = Sigmoid.inPlace(a).data().asFloat();
            if (call % 1000 == 0 || call == 19_999) {
                assertArrayEquals(expected, got, "call " + call);
            }
        }
    }

    private static double[][] naive(DenseNetworkProbe probe, float[] x, int batch, Lesion lesion) {
        double[][] values = new double[SIZES.length][];
        values[0] = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            values[0][i] = x[i];
        }
        mask(values[0], SIZES[0], lesion.neuronsIn(0));
        for (int c = 0; c + 1 < SIZES.length; c++) {
            float[][] w = probe.weights(c);
            float[] b = probe.biases(c);
            int in = SIZES[c];
            int out = SIZES[c + 1];
            values[c + 1] = new double[batch * out];
            for (int s = 0; s < batch; s++) {
                for (int j = 0; j < out; j++) {
                    double sum = b[j];
                    for (int k = 0; k < in; k++) {
                        sum += values[c][s * in + k] * w[k][j];
                    }
                    values[c + 1][s * out + j] = probe.activation(c) == DenseNetworkProbe.Activation.SIGMOID
                            ? 1 / (1 + Math.exp(-sum)) : Math.max(sum, 0);
                }
            }
            mask(values[c + 1], out, lesion.neuronsIn(c + 1));
        }
        return values;
    }

    private static void mask(double[] values, int width, int[] dead) {
        for (int s = 0; s < values.length / width; s++) {
            for (int n : dead) {
                values[s * width + n] = 0;
            }
        }
    }

    private static float[] gaussian(int n, long seed) {
        Random random = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}

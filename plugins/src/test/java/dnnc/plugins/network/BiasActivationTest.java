package dnnc.plugins.network;

import dnnc.api.Activations;
import dnnc.api.Intervention;
import dnnc.api.Layer;
import dnnc.api.Lesion;
import dnnc.api.NetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe.Activation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SIMD epilogue against ND4J's broadcast add and activation ops, and the side-by-side forward against the
 * per-layer one: bit for bit, since every result downstream (clusters, labels, golden results) depends on them.
 */
class BiasActivationTest {

    /** Widths below, at and past the SIMD lane count; signed zeros, NaN and saturating values included. */
    @Test
    void givesNd4jsBitsForEveryActivationInterpretedAndCompiled() {
        assertTrue(Sigmoid.VECTORISED, "tests run with --add-modules jdk.incubator.vector (plugins/pom.xml)");
        for (int width : new int[] {5, 16, 37, 64}) {
            Random random = new Random(width);
            float[] z = new float[11 * width];
            float[] bias = new float[width];
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) (12 * random.nextGaussian());
            }
            for (int j = 0; j < width; j++) {
                bias[j] = (float) random.nextGaussian();
            }
            z[0] = -0f;
            bias[0] = -0f;                     // -0 + -0 = -0: ND4J's ReLU keeps it
            z[1] = -bias[1];                   // exactly +0
            z[2] = Float.NaN;
            z[3] = 100f;                       // the logistic saturates
            for (Activation activation : Activation.values()) {
                float[] want = DenseNetworkProbe.activate(ReachableOps.addRowVector(matrix(z, width),
                        Nd4j.createFromArray(bias).reshape(1, width)), activation).data().asFloat();
                for (int call = 0; call < 3_000; call++) {
                    INDArray got = BiasActivation.apply(matrix(z, width), Nd4j.createFromArray(bias).reshape(1, width), bias, activation);
                    if (call % 1000 == 0 || call == 2_999) {
                        assertArrayEquals(want, got.data().asFloat(), activation + " width " + width + " call " + call);
                    }
                }
            }
        }
    }

    @Test
    void neuronRowsEqualEachLayersForwardValuesBitForBit() {
        DenseNetworkProbe probe = SeededDenseNetworks.decoder(7, 6, 40, 23, 17);
        int batch = 2 * RowChunks.CHUNK_ROWS + 37;
        Random random = new Random(9);
        float[] x = new float[batch * 6];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * random.nextGaussian());
        }
        NetworkProbe perLayer = new NetworkProbe() {   // the interface's own copy of forward()'s layers
            public List<Layer> layers() {
                return probe.layers();
            }

            public Activations forward(float[] inputs, int rows, List<Intervention> interventions, Lesion lesion) {
                return probe.forward(inputs, rows, interventions, lesion);
            }

            public Activations resume(int layer, float[] values, int rows, Lesion lesion) {
                return probe.resume(layer, values, rows, lesion);
            }

            public float[] inputGradient(float[] inputs, int rows, int layer, int neuron, Lesion lesion) {
                return probe.inputGradient(inputs, rows, layer, neuron, lesion);
            }
        };
        assertArrayEquals(perLayer.forwardNeuronRows(x, batch), probe.forwardNeuronRows(x, batch));
    }

    private static INDArray matrix(float[] values, int width) {
        return Nd4j.createFromArray(values.clone()).reshape(values.length / width, width).castTo(DataType.FLOAT);
    }
}

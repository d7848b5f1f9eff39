package dnnc.plugins.attribution;

import dnnc.api.Activations;
import dnnc.api.Intervention;
import dnnc.api.Layer;
import dnnc.api.Lesion;
import dnnc.api.NetworkProbe;

import java.util.List;
import java.util.Random;

/** A test double whose outputs are quadratic in the inputs: y_o = x^T Q_o x + b_o . x, with exact gradients. */
final class QuadraticProbe implements NetworkProbe {
    final double[][][] q;   // [output][input][input]
    final double[][] b;     // [output][input]
    private final int inputs;

    QuadraticProbe(int inputs, int outputs, long seed) {
        Random random = new Random(seed);
        this.inputs = inputs;
        q = new double[outputs][inputs][inputs];
        b = new double[outputs][inputs];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                b[o][i] = random.nextGaussian();
                for (int j = 0; j < inputs; j++) {
                    q[o][i][j] = 0.5 * random.nextGaussian();
                }
            }
        }
    }

    double value(int o, double[] x) {
        double y = 0;
        for (int i = 0; i < inputs; i++) {
            y += b[o][i] * x[i];
            for (int j = 0; j < inputs; j++) {
                y += x[i] * q[o][i][j] * x[j];
            }
        }
        return y;
    }

    @Override
    public List<Layer> layers() {
        return List.of(new Layer("input", inputs), new Layer("output", q.length));
    }

    @Override
    public Activations forward(float[] x, int batch, List<Intervention> interventions, Lesion lesion) {
        float[] in = x.clone();
        for (Intervention iv : interventions) {
            for (int s = 0; s < batch; s++) {
                in[s * inputs + iv.input()] = iv.value();
            }
        }
        float[] out = new float[batch * q.length];
        double[] row = new double[inputs];
        for (int s = 0; s < batch; s++) {
            for (int i = 0; i < inputs; i++) {
                row[i] = in[s * inputs + i];
            }
            for (int o = 0; o < q.length; o++) {
                out[s * q.length + o] = (float) value(o, row);
            }
        }
        return new Activations(batch, new int[] {inputs, q.length}, new float[][] {in, out});
    }

    @Override
    public Activations resume(int layer, float[] layerActivations, int batch, Lesion lesion) {
        throw new UnsupportedOperationException("not needed by attribution");
    }

    @Override
    public float[] inputGradient(float[] x, int batch, int layer, int neuron, Lesion lesion) {
        float[] grad = new float[batch * inputs];
        for (int s = 0; s < batch; s++) {
            for (int i = 0; i < inputs; i++) {
                if (layer == 0) {
                    grad[s * inputs + i] = i == neuron ? 1 : 0;
                    continue;
                }
                double g = b[neuron][i];
                for (int j = 0; j < inputs; j++) {
                    g += (q[neuron][i][j] + q[neuron][j][i]) * x[s * inputs + j];
                }
                grad[s * inputs + i] = (float) g;
            }
        }
        return grad;
    }
}

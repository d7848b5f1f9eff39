package dnnc.plugins.attribution;

import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe.Activation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small seeded dense networks for tests. */
final class TestNetworks {
    private TestNetworks() {
    }

    /** A dense network with the given layer sizes, N(0, 1/fan-in) weights, small biases, one activation per connection. */
    static DenseNetworkProbe dense(long seed, int[] sizes, Activation... activations) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        List<float[][]> weights = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        for (int l = 0; l < sizes.length; l++) {
            names.add(l == 0 ? "input" : "layer" + l);
        }
        for (int l = 0; l + 1 < sizes.length; l++) {
            float[][] w = new float[sizes[l]][sizes[l + 1]];
            for (float[] row : w) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) (random.nextGaussian() / Math.sqrt(sizes[l]));
                }
            }
            float[] b = new float[sizes[l + 1]];
            for (int j = 0; j < b.length; j++) {
                b[j] = (float) (0.1 * random.nextGaussian());
            }
            weights.add(w);
            biases.add(b);
        }
        return new DenseNetworkProbe(names, weights, biases, List.of(activations));
    }

    /**
     * The affine map from the inputs to every layer of a network of IDENTITY activations, in double:
     * {@code result[l]} is [inputs][size_l].
     */
    static double[][][] linearMaps(DenseNetworkProbe net) {
        int depth = net.layers().size();
        int in = net.inputSize();
        double[][][] maps = new double[depth][][];
        maps[0] = new double[in][in];
        for (int i = 0; i < in; i++) {
            maps[0][i][i] = 1;
        }
        for (int l = 0; l + 1 < depth; l++) {
            float[][] w = net.weights(l);
            int out = w[0].length;
            maps[l + 1] = new double[in][out];
            for (int i = 0; i < in; i++) {
                for (int k = 0; k < w.length; k++) {
                    for (int j = 0; j < out; j++) {
                        maps[l + 1][i][j] += maps[l][i][k] * w[k][j];
                    }
                }
            }
        }
        return maps;
    }
}

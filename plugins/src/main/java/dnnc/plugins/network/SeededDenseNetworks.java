package dnnc.plugins.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Decoder-shaped networks with seeded random weights, for tests and benchmarks of the network machinery. */
public final class SeededDenseNetworks {
    private SeededDenseNetworks() {
    }

    /** A dense ReLU network with a sigmoid output and He-scaled Gaussian weights (seeded). */
    public static DenseNetworkProbe decoder(long seed, int... sizes) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>(List.of("input"));
        List<float[][]> weights = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        List<DenseNetworkProbe.Activation> activations = new ArrayList<>();
        for (int c = 0; c + 1 < sizes.length; c++) {
            double scale = Math.sqrt(2.0 / sizes[c]);
            float[][] w = new float[sizes[c]][sizes[c + 1]];
            for (float[] row : w) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) (random.nextGaussian() * scale);
                }
            }
            float[] b = new float[sizes[c + 1]];
            for (int j = 0; j < b.length; j++) {
                b[j] = (float) (0.1 * random.nextGaussian());
            }
            weights.add(w);
            biases.add(b);
            boolean last = c + 2 == sizes.length;
            activations.add(last ? DenseNetworkProbe.Activation.SIGMOID : DenseNetworkProbe.Activation.RELU);
            names.add(last ? "output" : "hidden" + (c + 1));
        }
        return new DenseNetworkProbe(names, weights, biases, activations);
    }
}

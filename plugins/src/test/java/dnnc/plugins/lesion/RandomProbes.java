package dnnc.plugins.lesion;

import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.network.SeededDenseNetworks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Dense ReLU networks with a sigmoid output and seeded random weights, shaped like small decoders. */
final class RandomProbes {
    private RandomProbes() {
    }

    static DenseNetworkProbe decoder(long seed, int... sizes) {
        return SeededDenseNetworks.decoder(seed, sizes);
    }

    /**
     * The small decoder in which hidden-2 neurons 0..3 carry the output: they are four identical, always active
     * copies (same incoming weights, bias 1) whose outgoing weights are 6x hidden-2 neuron 0's, while the other
     * hidden-2 neurons' outgoing weights shrink to 0.2x. Lesioning all four removes the signal; random lesions
     * of four hidden-2 neurons rarely hit them all.
     */
    static DenseNetworkProbe planted(long seed) {
        DenseNetworkProbe base = small(seed);
        List<float[][]> weights = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        List<DenseNetworkProbe.Activation> activations = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            float[][] w = base.weights(c);
            float[] b = base.biases(c);
            if (c == 1) {
                for (float[] row : w) {
                    for (int j = 1; j < 4; j++) {
                        row[j] = row[0];
                    }
                }
                for (int j = 0; j < 4; j++) {
                    b[j] = 1f;
                }
            }
            if (c == 2) {
                float[] carrier = w[0].clone();
                for (int i = 0; i < w.length; i++) {
                    for (int j = 0; j < w[i].length; j++) {
                        w[i][j] = i < 4 ? 6f * carrier[j] : 0.2f * w[i][j];
                    }
                }
            }
            weights.add(w);
            biases.add(b);
            activations.add(base.activation(c));
        }
        return new DenseNetworkProbe(List.of("input", "hidden1", "hidden2", "output"), weights, biases, activations);
    }

    /** The small test decoder: 4 latents + 3 classes -> 12 -> 16 -> 25 pixels (5 x 5 images). */
    static DenseNetworkProbe small(long seed) {
        return decoder(seed, 7, 12, 16, 25);
    }

    static int[] sample(Random random, int[] pool, int count) {
        List<Integer> list = new ArrayList<>();
        for (int p : pool) {
            list.add(p);
        }
        Collections.shuffle(list, random);
        return list.subList(0, count).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}

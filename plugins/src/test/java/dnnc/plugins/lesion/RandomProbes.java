package dnnc.plugins.lesion;

import dnnc.plugins.network.DenseNetworkProbe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Dense ReLU networks with a sigmoid output and seeded random weights, shaped like small decoders. */
final class RandomProbes {
    private RandomProbes() {
    }

    static DenseNetworkProbe decoder(long seed, int... sizes) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        List<float[][]> weights = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        List<DenseNetworkProbe.Activation> activations = new ArrayList<>();
        names.add("input");
        for (int c = 0; c + 1 < sizes.length; c++) {
            float scale = (float) Math.sqrt(2.0 / sizes[c]);
            float[][] w = new float[sizes[c]][sizes[c + 1]];
            for (float[] row : w) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) random.nextGaussian() * scale;
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

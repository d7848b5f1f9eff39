package dnnc.bench.benchmarks;

import dnnc.api.InputSchema;
import dnnc.api.Layer;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.network.SeededDenseNetworks;

import java.util.Arrays;
import java.util.Random;

/**
 * The study's decoder shape (10 latents + 10 classes -> 128 -> 256 -> 512 -> 784) with seeded random weights:
 * GEMM, ReLU and sigmoid cost the same whatever the weights, so timing needs no trained model.
 */
final class DecoderShapes {
    static final int LATENTS = 10;
    static final int CLASSES = 10;
    static final int[] HIDDEN = {128, 256, 512};
    static final int PIXELS = 784;

    private DecoderShapes() {
    }

    /** The decoder with every hidden layer scaled by {@code widthFactor} (1 = the study's). */
    static DenseNetworkProbe decoder(long seed, double widthFactor) {
        return SeededDenseNetworks.decoder(seed, widths(widthFactor));
    }

    /** Layer widths, inputs first, every hidden layer scaled by {@code widthFactor}. */
    static int[] widths(double widthFactor) {
        int[] sizes = new int[HIDDEN.length + 2];
        sizes[0] = LATENTS + CLASSES;
        for (int i = 0; i < HIDDEN.length; i++) {
            sizes[i + 1] = (int) Math.round(HIDDEN[i] * widthFactor);
        }
        sizes[sizes.length - 1] = PIXELS;
        return sizes;
    }

    static InputSchema schema() {
        double[] frequencies = new double[CLASSES];
        Arrays.fill(frequencies, 1.0 / CLASSES);
        return new InputSchema(LATENTS, CLASSES, frequencies);
    }

    /** Standard-normal latents and the one-hot class 5, row-major batch x 20. */
    static float[] inputs(int batch, long seed) {
        Random random = new Random(seed);
        int width = LATENTS + CLASSES;
        float[] x = new float[batch * width];
        for (int s = 0; s < batch; s++) {
            for (int j = 0; j < LATENTS; j++) {
                x[s * width + j] = (float) random.nextGaussian();
            }
            x[s * width + LATENTS + 5] = 1f;
        }
        return x;
    }

    /** FLOPs of one forward row through the network's GEMMs ({@link WorkCounts#flopsPerRow}). */
    static double flopsPerRow(DenseNetworkProbe probe) {
        return WorkCounts.flopsPerRow(probe.layers().stream().mapToInt(Layer::size).toArray());
    }
}

package dnnc.plugins.attribution;

import dnnc.api.ConditionalGenerator;
import dnnc.api.ImageSet;
import dnnc.api.InputSchema;
import dnnc.api.LabeledData;
import dnnc.api.NetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe.Activation;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A linear 28 x 28 "decoder" whose image is sum_i x_i T_i: class k draws a blob at its own place, latent i a
 * stripe pattern of amplitude {@code latentAmplitude[i]}. Its answers are known: the ACE map of c_k is blob k
 * minus the mix of the other blobs, and the latent with the largest amplitude moves the image most.
 */
final class TemplateDecoder implements ConditionalGenerator {
    static final int SIDE = 28;
    static final InputSchema SCHEMA = new InputSchema(10, 10, uniform(10));
    private final DenseNetworkProbe probe;
    final float[][] templates;

    TemplateDecoder(double[] latentAmplitude) {
        int inputs = SCHEMA.size();
        int pixels = SIDE * SIDE;
        templates = new float[inputs][pixels];
        for (int i = 0; i < SCHEMA.latents(); i++) {
            for (int p = 0; p < pixels; p++) {
                templates[i][p] = (float) (latentAmplitude[i] * Math.sin(2 * Math.PI * (i + 1) * (p / SIDE) / SIDE));
            }
        }
        for (int k = 0; k < SCHEMA.classes(); k++) {
            double cr = 8 + 12 * (k / 5);
            double cc = 4 + 5 * (k % 5);
            for (int p = 0; p < pixels; p++) {
                double d2 = Math.pow(p / SIDE - cr, 2) + Math.pow(p % SIDE - cc, 2);
                templates[SCHEMA.latents() + k][p] = (float) Math.exp(-d2 / (2 * 2.5 * 2.5));
            }
        }
        int hidden = inputs + 4;
        float[][] w0 = new float[inputs][hidden];
        for (int i = 0; i < inputs; i++) {
            w0[i][i] = 1;
        }
        float[][] w1 = new float[hidden][];
        for (int h = 0; h < hidden; h++) {
            w1[h] = h < inputs ? templates[h].clone() : new float[pixels];
        }
        probe = new DenseNetworkProbe(List.of("zc", "hidden", "pixels"), List.of(w0, w1),
                List.of(new float[hidden], new float[pixels]), List.of(Activation.IDENTITY, Activation.IDENTITY));
    }

    private static double[] uniform(int n) {
        double[] p = new double[n];
        java.util.Arrays.fill(p, 1.0 / n);
        return p;
    }

    /** Held-out digits: each class's blob plus noise, labelled by {@code labelOf[k]}. */
    LabeledData data(int[] labelOf) {
        Random random = new Random(4);
        int perClass = 6;
        int count = perClass * SCHEMA.classes();
        float[] pixels = new float[count * SIDE * SIDE];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            int k = n % SCHEMA.classes();
            labels[n] = labelOf[k];
            for (int p = 0; p < SIDE * SIDE; p++) {
                double v = 0.8 * templates[SCHEMA.latents() + k][p] + 0.1 * random.nextGaussian();
                pixels[n * SIDE * SIDE + p] = (float) Math.min(1, Math.max(0, v));
            }
        }
        ImageSet images = new ImageSet(count, SIDE, SIDE, pixels, labels);
        return new LabeledData("templates", images, images, SCHEMA.classes(), "0", Map.of());
    }

    @Override
    public NetworkProbe decoder() {
        return probe;
    }

    @Override
    public InputSchema inputs() {
        return SCHEMA;
    }

    @Override
    public int imageRows() {
        return SIDE;
    }

    @Override
    public int imageCols() {
        return SIDE;
    }

    @Override
    public double[] klPerLatent() {
        return new double[SCHEMA.latents()];
    }

    @Override
    public String sha256() {
        return "0";
    }

    @Override
    public Map<String, Object> metrics() {
        return Map.of();
    }

}

package dnnc.plugins.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Sizes and layer names of the conditional VAE: the encoder maps concat(x, c) through {@code encoderHidden}
 * to mu and logvar; the decoder maps concat(z, c) through the mirrored sizes to pixel logits. Weights are
 * named "{layer}_w" ([in, out]) and "{layer}_b" ([out]) in every graph and in the cache file.
 */
public record CvaeShape(int pixels, int classes, int latents, int[] encoderHidden) {

    public int[] decoderHidden() {
        int[] d = new int[encoderHidden.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = encoderHidden[encoderHidden.length - 1 - i];
        }
        return d;
    }

    /** Decoder layer names, inputs first: input, dec1..decN, output (the probe's layers). */
    public List<String> decoderLayerNames() {
        List<String> names = new ArrayList<>();
        names.add("input");
        for (int i = 1; i <= encoderHidden.length; i++) {
            names.add("dec" + i);
        }
        names.add("output");
        return names;
    }

    /** Decoder layer sizes in the order of {@link #decoderLayerNames()}. */
    public int[] decoderSizes() {
        int[] hidden = decoderHidden();
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = latents + classes;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = pixels;
        return sizes;
    }

    public List<String> encoderLayerNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= encoderHidden.length; i++) {
            names.add("enc" + i);
        }
        return names;
    }

    /** Shape of every weight by name, in a fixed order: encoder, mu, logvar, decoder. */
    public Map<String, long[]> weightShapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        int in = pixels + classes;
        List<String> enc = encoderLayerNames();
        for (int i = 0; i < enc.size(); i++) {
            addLayer(shapes, enc.get(i), in, encoderHidden[i]);
            in = encoderHidden[i];
        }
        addLayer(shapes, "mu", in, latents);
        addLayer(shapes, "logvar", in, latents);
        int[] sizes = decoderSizes();
        List<String> dec = decoderLayerNames();
        for (int l = 1; l < sizes.length; l++) {
            addLayer(shapes, dec.get(l), sizes[l - 1], sizes[l]);
        }
        return shapes;
    }

    /**
     * Fresh weights as PyTorch's nn.Linear draws them, U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weights and biases,
     * from one seeded generator so the same seed gives the same network.
     */
    public Map<String, INDArray> initialWeights(Random random) {
        Map<String, long[]> shapes = weightShapes();
        Map<String, INDArray> w = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> {
            long fanIn = shapes.get(name.substring(0, name.lastIndexOf('_')) + "_w")[0];
            w.put(name, uniform(random, 1 / Math.sqrt(fanIn), shape));
        });
        return w;
    }

    private static void addLayer(Map<String, long[]> shapes, String name, int in, int out) {
        shapes.put(name + "_w", new long[] {in, out});
        shapes.put(name + "_b", new long[] {out});
    }

    private static INDArray uniform(Random random, double bound, long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return Nd4j.create(v, shape, 'c');
    }
}

package dnnc.plugins.attribution;

import dnnc.api.AttributionResult;
import dnnc.api.ImageSet;
import dnnc.api.InputEffect;
import dnnc.api.InputSchema;
import dnnc.api.NeuronLayout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The numbers the study reads off an ACE result: how much each latent moves the image, and whether c_k draws digit k. */
final class AceSummary {
    private AceSummary() {
    }

    /** ACE of one input on the output layer, per intervention value: values x outputs. */
    static double[][] onOutputs(InputEffect effect, NeuronLayout layout) {
        int last = layout.layers().size() - 1;
        int offset = layout.offset(last);
        int size = layout.layers().get(last).size();
        double[][] maps = new double[effect.ace().length][];
        for (int v = 0; v < maps.length; v++) {
            maps[v] = java.util.Arrays.copyOfRange(effect.ace()[v], offset, offset + size);
        }
        return maps;
    }

    /**
     * Total effect of a latent: the mean over the alpha grid of the L2 norm of its ACE on the output layer,
     * sqrt(sum_pixels ACE(alpha)^2). A latent the decoder ignores scores 0; the one that moves the image most
     * scores highest.
     */
    static Map<Integer, Double> totalEffects(AttributionResult result, InputSchema schema) {
        Map<Integer, Double> totals = new LinkedHashMap<>();
        for (InputEffect effect : result.effects()) {
            if (!schema.isLatent(effect.input())) {
                continue;
            }
            double sum = 0;
            for (double[] map : onOutputs(effect, result.layout())) {
                double squares = 0;
                for (double v : map) {
                    squares += v * v;
                }
                sum += Math.sqrt(squares);
            }
            totals.put(effect.input(), sum / effect.ace().length);
        }
        return totals;
    }

    static Optional<Integer> mostMoving(Map<Integer, Double> totals) {
        return totals.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** Mean image of each class among the held-out images: classes x pixels. */
    static double[][] meanImages(ImageSet images, int classes) {
        int pixels = images.pixelsPerImage();
        double[][] means = new double[classes][pixels];
        int[] counts = new int[classes];
        for (int i = 0; i < images.count(); i++) {
            int label = images.labels()[i];
            counts[label]++;
            for (int p = 0; p < pixels; p++) {
                means[label][p] += images.pixels()[i * pixels + p];
            }
        }
        for (int k = 0; k < classes; k++) {
            for (int p = 0; p < pixels; p++) {
                means[k][p] /= Math.max(1, counts[k]);
            }
        }
        return means;
    }

    /** Pearson correlation of each class's output ACE map (rows, by class) with each class's mean image (columns). */
    static double[][] classCorrelations(List<double[]> classMaps, double[][] meanImages) {
        double[][] r = new double[classMaps.size()][meanImages.length];
        for (int k = 0; k < classMaps.size(); k++) {
            for (int j = 0; j < meanImages.length; j++) {
                r[k][j] = pearson(classMaps.get(k), meanImages[j]);
            }
        }
        return r;
    }

    /** Rows k whose largest correlation is with column k (ties count as misses). */
    static int diagonalHits(double[][] correlations) {
        int hits = 0;
        for (int k = 0; k < correlations.length; k++) {
            boolean best = true;
            for (int j = 0; j < correlations[k].length; j++) {
                if (j != k && !(correlations[k][k] > correlations[k][j])) {
                    best = false;
                }
            }
            hits += best ? 1 : 0;
        }
        return hits;
    }

    static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}

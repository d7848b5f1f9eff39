package dnnc.plugins.report;

import dnnc.api.AttributionResult;
import dnnc.api.ConditionalGenerator;
import dnnc.api.InputEffect;
import dnnc.api.InputSchema;
import dnnc.api.Lesion;
import dnnc.api.NeuronLayout;

import java.util.Optional;
import java.util.Random;

/**
 * Where a latent's positive ACE falls on the image (the study's finding 2): per alpha, the share of the positive
 * part of ACE(z_latent = alpha) on the output pixels that lies on the strokes of the digit the decoder draws at
 * that alpha (pixels whose mean reconstruction over draws of the other latents is at least {@link #STROKE_LEVEL}).
 * Pooled over alpha, each alpha weighted by its positive ACE mass; {@code chance} is the share uniformly spread
 * effects would give (the strokes' share of the image, weighted alike).
 */
record StrokeShare(int latent, double[] alphas, double[] sharePerAlpha, double[] strokeFraction, double pooledShare,
                   double chance) {
    static final double STROKE_LEVEL = 0.5;

    /** Empty when the attribution has no effect of {@code latent} or the outputs are not the model's images. */
    static Optional<StrokeShare> of(ConditionalGenerator model, AttributionResult attribution, int latent, int target,
                                    int draws, long seed) {
        InputEffect effect = attribution.effects().stream().filter(e -> e.input() == latent).findFirst().orElse(null);
        NeuronLayout layout = attribution.layout();
        int last = layout.layers().size() - 1;
        int pixels = model.imageRows() * model.imageCols();
        if (effect == null || layout.layers().get(last).size() != pixels) {
            return Optional.empty();
        }
        int offset = layout.offset(last);
        double[] alphas = effect.values();
        double[] share = new double[alphas.length];
        double[] fraction = new double[alphas.length];
        double positiveTotal = 0;
        double onStrokes = 0;
        double chanceMass = 0;
        for (int a = 0; a < alphas.length; a++) {
            double[] mean = meanReconstruction(model, latent, alphas[a], target, draws, seed);
            double positive = 0;
            double stroke = 0;
            int strokePixels = 0;
            for (int p = 0; p < pixels; p++) {
                double ace = Math.max(0, effect.ace()[a][offset + p]);
                boolean isStroke = mean[p] >= STROKE_LEVEL;
                positive += ace;
                stroke += isStroke ? ace : 0;
                strokePixels += isStroke ? 1 : 0;
            }
            share[a] = positive > 0 ? stroke / positive : Double.NaN;
            fraction[a] = (double) strokePixels / pixels;
            positiveTotal += positive;
            onStrokes += stroke;
            chanceMass += positive * fraction[a];
        }
        if (!(positiveTotal > 0)) {
            return Optional.empty();
        }
        return Optional.of(new StrokeShare(latent, alphas, share, fraction, onStrokes / positiveTotal, chanceMass / positiveTotal));
    }

    /** E[y | do(z_latent = alpha)] on the output pixels, the other latents drawn from N(0, 1) with a fixed seed. */
    static double[] meanReconstruction(ConditionalGenerator model, int latent, double alpha, int target, int draws, long seed) {
        InputSchema schema = model.inputs();
        int width = schema.size();
        float[] inputs = new float[draws * width];
        Random random = new Random(seed);
        for (int s = 0; s < draws; s++) {
            for (int i = 0; i < schema.latents(); i++) {
                inputs[s * width + i] = (float) random.nextGaussian();
            }
            inputs[s * width + latent] = (float) alpha;
            inputs[s * width + schema.latents() + target] = 1f;
        }
        float[] out = model.decoder().forward(inputs, draws, Lesion.none()).output();
        int pixels = out.length / draws;
        double[] mean = new double[pixels];
        for (int s = 0; s < draws; s++) {
            for (int p = 0; p < pixels; p++) {
                mean[p] += out[s * pixels + p];
            }
        }
        for (int p = 0; p < pixels; p++) {
            mean[p] /= draws;
        }
        return mean;
    }
}

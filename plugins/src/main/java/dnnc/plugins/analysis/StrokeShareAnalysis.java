package dnnc.plugins.analysis;

import dnnc.api.Analysis;
import dnnc.api.AttributionResult;
import dnnc.api.ConditionalGenerator;
import dnnc.api.FeatureKey;
import dnnc.api.InputEffect;
import dnnc.api.InputSchema;
import dnnc.api.Lesion;
import dnnc.api.NeuronLayout;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.RunContext;
import dnnc.api.Slots;
import dnnc.api.StrokeShare;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Finding 2 (docs/METHODS.md section 6): where the studied latent's positive ACE falls on the image. The studied
 * latent is the clustered one, else the attribution's focus. Records findings.ace_on_strokes and leaves the
 * {@link StrokeShare} for the report; leaves nothing when the run has no ACE of that latent on the output pixels.
 */
@PluginInfo(name = "stroke-share", description = "share of the studied latent's positive ACE on the strokes of the digit it draws (finding 2)")
public final class StrokeShareAnalysis implements Analysis {
    static final double STROKE_LEVEL = 0.5;

    @Param(description = "digit the study draws (as the other steps' target)", min = 0)
    private int target = 5;

    @Param(description = "draws of the other latents for the mean reconstructions that define the digit's strokes", min = 1, max = 100000)
    private int draws = 500;

    @Param(description = "seed of those draws; -1 takes the run's seed", min = -1)
    private long seed = -1;

    @Override
    public void analyse(RunContext context) {
        ConditionalGenerator model = context.require(Slots.MODEL, "analysis '" + name() + "'");
        AttributionResult attribution = context.require(Slots.ATTRIBUTION, "analysis '" + name() + "'");
        Integer studied = context.get(Slots.CLUSTERINGS).map(c -> Integer.valueOf(c.input()))
                .orElseGet(() -> context.get(Slots.EFFECT_SUMMARY).map(e -> e.focusLatent()).orElse(null));
        if (studied == null) {
            return;
        }
        of(model, attribution, studied, target, draws, seed >= 0 ? seed : context.seed()).ifPresent(share -> {
            context.put(Slots.STROKE_SHARE, share);
            record(context, share);
        });
    }

    private static void record(RunContext context, StrokeShare share) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("latent", share.latent());
        v.put("share", share.pooledShare());
        v.put("chance", share.chance());
        Map<String, Object> perAlpha = new LinkedHashMap<>();
        for (int a = 0; a < share.alphas().length; a++) {
            perAlpha.put(FeatureKey.alphaLabel(share.alphas()[a]), share.sharePerAlpha()[a]);
        }
        v.put("per_alpha", perAlpha);
        context.recorder().result("findings.ace_on_strokes", v);
    }

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
        return Optional.of(new StrokeShare(latent, alphas, share, fraction, onStrokes / positiveTotal,
                chanceMass / positiveTotal, STROKE_LEVEL));
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

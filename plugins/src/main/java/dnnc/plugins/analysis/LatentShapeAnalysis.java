package dnnc.plugins.analysis;

import dnnc.api.Analysis;
import dnnc.api.ConditionalGenerator;
import dnnc.api.ImageShape;
import dnnc.api.LatentShapes;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Preflight;
import dnnc.api.Progress;
import dnnc.api.RunContext;
import dnnc.api.Slots;
import dnnc.plugins.support.TargetClass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Finding 1 (docs/METHODS.md section 6): what each latent does to the target digit. Decodes the digit with z_i
 * set to each alpha and every other input fixed (one seeded noise draw), measures each image's orientation and
 * ink area, and per latent the orientation's range and the ink area's max/min ratio. Also decodes a finer sweep
 * of the same range for animation. Leaves {@link LatentShapes} for the reconstruction figures and the report;
 * records findings.rotation_range_deg, findings.scale_range and findings.rotation_latent.
 */
@PluginInfo(name = "latent-shapes", description = "the target digit decoded over alpha per latent: orientation and ink area, rotation and scale per latent")
public final class LatentShapeAnalysis implements Analysis, Preflight {
    @Param(description = "class whose digit is drawn", min = 0)
    private int target = 5;

    @Param(description = "values the latent is set to, one row of the reconstruction grid each")
    private double[] alphas = {-3, -2, -1, 0, 1, 2, 3};

    @Param(description = "seed of the fixed noise draw of the other latents")
    private long seed = 0;

    @Param(description = "images of the finer sweep from the smallest to the largest alpha (the animation's frames)", min = 2, max = 400)
    private int sweepImages = 25;

    @Override
    public void preflight(Map<String, String> facts) {
        TargetClass.preflight(name(), target, facts);
    }

    @Override
    public void analyse(RunContext context) {
        ConditionalGenerator model = context.require(Slots.MODEL, "analysis '" + name() + "'");
        TargetClass.check(name(), target, model.inputs().classes());
        int latents = model.inputs().latents();
        LatentSweep sweep = new LatentSweep(model, target, seed);
        double[] fine = sweepValues();
        List<LatentShapes.Latent> measured = new ArrayList<>();
        try (Progress progress = context.progress(name(), latents, "latent")) {
            for (int i = 0; i < latents; i++) {
                measured.add(measure(sweep, i, fine, model.imageRows(), model.imageCols()));
                progress.advance(1);
            }
        }
        LatentShapes shapes = new LatentShapes(target, seed, alphas.clone(), model.imageRows(), model.imageCols(), measured);
        context.put(Slots.LATENT_SHAPES, shapes);
        record(context, shapes);
    }

    private LatentShapes.Latent measure(LatentSweep sweep, int latent, double[] fine, int rows, int cols) {
        float[] decoded = sweep.decode(latent, alphas);
        float[][] images = new float[alphas.length][];
        ImageShape[] shapes = new ImageShape[alphas.length];
        double[] orientation = new double[alphas.length];
        double[] ink = new double[alphas.length];
        for (int k = 0; k < alphas.length; k++) {
            images[k] = sweep.image(decoded, k);
            shapes[k] = ImageMoments.of(images[k], rows, cols);
            orientation[k] = shapes[k].orientationDeg();
            ink[k] = shapes[k].inkArea();
        }
        float[] decodedFine = sweep.decode(latent, fine);
        float[][] frames = new float[fine.length][];
        for (int k = 0; k < fine.length; k++) {
            frames[k] = sweep.image(decodedFine, k);
        }
        return new LatentShapes.Latent(images, shapes, ImageMoments.orientationRange(orientation),
                ImageMoments.areaRatio(ink), fine, frames);
    }

    /** sweep-images evenly spaced values from the smallest to the largest alpha. */
    double[] sweepValues() {
        double lo = Arrays.stream(alphas).min().orElseThrow();
        double hi = Arrays.stream(alphas).max().orElseThrow();
        double[] values = new double[sweepImages];
        for (int k = 0; k < sweepImages; k++) {
            values[k] = lo + (hi - lo) * k / (sweepImages - 1);
        }
        return values;
    }

    private static void record(RunContext context, LatentShapes shapes) {
        double[] rotation = shapes.rotationRangeDeg();
        int rotationLatent = 0;
        for (int i = 1; i < rotation.length; i++) {
            if (rotation[i] > rotation[rotationLatent]) {
                rotationLatent = i;
            }
        }
        var recorder = context.recorder();
        recorder.result("reconstruction.target", shapes.target());
        recorder.result("reconstruction.alphas", Arrays.stream(shapes.alphas()).boxed().toList());
        recorder.result("findings.rotation_range_deg", Arrays.stream(rotation).boxed().toList());
        recorder.result("findings.scale_range", Arrays.stream(shapes.scaleRatio()).boxed().toList());
        recorder.result("findings.scale_range_definition", "max / min ink area over alpha (1 = no change)");
        recorder.result("findings.rotation_latent", rotationLatent);
    }
}

package dnnc.plugins.report;

import dnnc.api.ConditionalGenerator;
import dnnc.api.LatentShapes;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Preflight;
import dnnc.api.Progress;
import dnnc.api.Reporter;
import dnnc.api.RunContext;
import dnnc.api.Slots;
import dnnc.plugins.figures.FigureFiles;
import dnnc.plugins.figures.LineChart;
import dnnc.plugins.figures.Panel;
import dnnc.plugins.figures.PanelGrid;
import dnnc.plugins.figures.Ticks;
import dnnc.plugins.support.TargetClass;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each latent does to the target digit: decoder outputs with z_i set to each alpha and all other inputs
 * fixed (one seeded noise draw), as a grid (rows alpha, columns latents) and one looping GIF per latent. Also
 * measures each image's orientation and ink area, giving the study's "one latent carries rotation and scale" check.
 */
@PluginInfo(name = "reconstruction-grid", description = "decoder outputs over alpha per latent: grid PNG, looping GIFs, rotation and scale per latent")
public final class ReconstructionGridReporter implements Reporter, Preflight {
    static final String GRID_FILE = "reconstruction-grid";

    @Param(description = "class whose digit is drawn", min = 0)
    private int target = 5;

    @Param(description = "values the latent is set to, one grid row each")
    private double[] alphas = {-3, -2, -1, 0, 1, 2, 3};

    @Param(description = "seed of the fixed noise draw of the other latents")
    private long seed = 0;

    @Param(description = "frames of each GIF from the smallest to the largest alpha (it then plays back)", min = 2, max = 400)
    private int gifFrames = 25;

    @Param(description = "time each GIF frame is shown, in milliseconds", min = 20, max = 10000)
    private int frameDelayMs = 80;

    @Override
    public void preflight(Map<String, String> facts) {
        TargetClass.preflight(name(), target, facts);
    }

    @Override
    public void report(RunContext context) {
        ConditionalGenerator model = context.require(Slots.MODEL, "report '" + name() + "'");
        TargetClass.check(name(), target, model.inputs().classes());
        int latents = model.inputs().latents();
        int rows = model.imageRows();
        int cols = model.imageCols();
        LatentSweep sweep = new LatentSweep(model, target, seed);
        double[][] orientation = new double[latents][alphas.length];
        double[][] ink = new double[latents][alphas.length];
        PanelGrid grid = PanelGrid.images()
                .title(String.format(Locale.ROOT, "Digit %d: z_i set to alpha, other latents fixed (seed %d)", target, seed))
                .xAxisTitle("latent set to alpha").yAxisTitle("alpha")
                .columnLabels(latentLabels(latents)).rowLabels(alphaLabels(alphas))
                .cellSize(3 * cols, 3 * rows);
        List<List<?>> data = new ArrayList<>();
        List<String> animations = new ArrayList<>();
        try (Progress progress = context.progress("reconstruction-grid", latents, "latent")) {
            for (int i = 0; i < latents; i++) {
                float[] decoded = sweep.decode(i, alphas);
                for (int k = 0; k < alphas.length; k++) {
                    float[] image = sweep.image(decoded, k);
                    grid.put(k, i, Panel.of(image, rows, cols));
                    ImageMoments m = ImageMoments.of(image, rows, cols);
                    orientation[i][k] = m.orientationDeg();
                    ink[i][k] = m.inkArea();
                    data.add(List.of("z_" + i, alphas[k], m.inkArea(), m.orientationDeg(), m.elongation(), m.centroidRow(), m.centroidCol()));
                }
                animations.add(writeAnimation(context, sweep, i, rows, cols).getFileName().toString());
                progress.advance(1);
            }
        }
        FigureFiles.pngWithData(context, GRID_FILE, grid.render(),
                List.of("latent", "alpha", "ink_area", "orientation_deg", "elongation", "centroid_row", "centroid_col"), data,
                "decoder output for digit " + target + " with each latent set to each alpha");
        writeShapeCharts(context, orientation, ink);
        recordFindings(context, orientation, ink, animations);
    }

    private Path writeAnimation(RunContext context, LatentSweep sweep, int latent, int rows, int cols) {
        double[] there = sweepValues();
        float[] decoded = sweep.decode(latent, there);
        List<BufferedImage> frames = new ArrayList<>();
        for (int k = 0; k < there.length; k++) {
            frames.add(frame(sweep.image(decoded, k), rows, cols, latent, there[k]));
        }
        for (int k = there.length - 2; k > 0; k--) {
            frames.add(frames.get(k));
        }
        return FigureFiles.gif(context, "reconstruction-z" + latent, frames, frameDelayMs,
                "digit " + target + " as z_" + latent + " sweeps " + Ticks.label(there[0]) + ".." + Ticks.label(there[there.length - 1]) + " and back");
    }

    /** gif-frames evenly spaced values from the smallest to the largest alpha. */
    double[] sweepValues() {
        double lo = Arrays.stream(alphas).min().orElseThrow();
        double hi = Arrays.stream(alphas).max().orElseThrow();
        double[] values = new double[gifFrames];
        for (int k = 0; k < gifFrames; k++) {
            values[k] = lo + (hi - lo) * k / (gifFrames - 1);
        }
        return values;
    }

    private static BufferedImage frame(float[] image, int rows, int cols, int latent, double alpha) {
        return PanelGrid.images().title("z_" + latent)
                .columnLabels(List.of(String.format(Locale.ROOT, "alpha = %+.2f", alpha)))
                .put(0, 0, Panel.of(image, rows, cols)).cellSize(6 * cols, 6 * rows).render();
    }

    private void writeShapeCharts(RunContext context, double[][] orientation, double[][] ink) {
        LineChart angles = LineChart.titled("Orientation of the principal axis (unwrapped)").xLabel("alpha")
                .yLabel("degrees");
        LineChart areas = LineChart.titled("Ink area (sum of pixel intensities)").xLabel("alpha").yLabel("ink area");
        for (int i = 0; i < orientation.length; i++) {
            angles.series("z_" + i, alphas, ImageMoments.unwrap(orientation[i]), true);
            areas.series("z_" + i, alphas, ink[i], true);
        }
        FigureFiles.png(context, "reconstruction-orientation", angles.render(),
                "orientation of digit " + target + " over alpha per latent (data in " + GRID_FILE + ".csv)");
        FigureFiles.png(context, "reconstruction-ink", areas.render(),
                "ink area of digit " + target + " over alpha per latent (data in " + GRID_FILE + ".csv)");
    }

    private void recordFindings(RunContext context, double[][] orientation, double[][] ink, List<String> animations) {
        List<Double> rotation = new ArrayList<>();
        List<Double> scale = new ArrayList<>();
        int rotationLatent = 0;
        for (int i = 0; i < orientation.length; i++) {
            rotation.add(ImageMoments.orientationRange(orientation[i]));
            scale.add(ImageMoments.areaRatio(ink[i]));
            if (rotation.get(i) > rotation.get(rotationLatent)) {
                rotationLatent = i;
            }
        }
        var recorder = context.recorder();
        recorder.result("reconstruction.grid", GRID_FILE + ".png");
        recorder.result("reconstruction.animations", animations);
        recorder.result("reconstruction.target", target);
        recorder.result("reconstruction.alphas", Arrays.stream(alphas).boxed().toList());
        recorder.result("findings.rotation_range_deg", rotation);
        recorder.result("findings.scale_range", scale);
        recorder.result("findings.scale_range_definition", "max / min ink area over alpha (1 = no change)");
        recorder.result("findings.rotation_latent", rotationLatent);
        context.put(Slots.LATENT_SHAPES, new LatentShapes(rotation.stream().mapToDouble(Double::doubleValue).toArray(),
                scale.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private static List<String> latentLabels(int latents) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < latents; i++) {
            labels.add("z_" + i);
        }
        return labels;
    }

    private static List<String> alphaLabels(double[] values) {
        return Arrays.stream(values).mapToObj(Ticks::label).toList();
    }
}

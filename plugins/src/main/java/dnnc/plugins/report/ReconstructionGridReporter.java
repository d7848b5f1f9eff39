package dnnc.plugins.report;

import dnnc.api.ImageShape;
import dnnc.api.LatentShapes;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Reporter;
import dnnc.api.RunContext;
import dnnc.api.Slots;
import dnnc.plugins.analysis.ImageMoments;
import dnnc.plugins.figures.FigureFiles;
import dnnc.plugins.figures.FigureNames;
import dnnc.plugins.figures.LineChart;
import dnnc.plugins.figures.Panel;
import dnnc.plugins.figures.PanelGrid;
import dnnc.plugins.figures.Ticks;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Figure 3.1 and its companions from what the latent-shapes analysis left: the decoder's images of the target digit
 * as a grid (rows alpha, columns latents) with the shape of each image as CSV, one looping GIF per latent, and the
 * orientation and ink area of the digit over alpha per latent. Records the files under reconstruction.*.
 */
@PluginInfo(name = "reconstruction-grid", description = "figure 3.1: decoder outputs over alpha per latent as a grid PNG, looping GIFs, orientation and ink curves")
public final class ReconstructionGridReporter implements Reporter {

    @Param(description = "time each GIF frame is shown, in milliseconds", min = 20, max = 10000)
    private int frameDelayMs = 80;

    @Override
    public void report(RunContext context) {
        LatentShapes shapes = context.require(Slots.LATENT_SHAPES, "report '" + name() + "' (add dnnc:analysis:latent-shapes before it)");
        int rows = shapes.imageRows();
        int cols = shapes.imageCols();
        double[] alphas = shapes.alphas();
        PanelGrid grid = PanelGrid.images()
                .title(String.format(Locale.ROOT, "Digit %d: z_i set to alpha, other latents fixed (seed %d)", shapes.target(), shapes.seed()))
                .xAxisTitle("latent set to alpha").yAxisTitle("alpha")
                .columnLabels(latentLabels(shapes.latents().size())).rowLabels(Arrays.stream(alphas).mapToObj(Ticks::label).toList())
                .cellSize(3 * cols, 3 * rows);
        List<List<?>> data = new ArrayList<>();
        List<String> animations = new ArrayList<>();
        for (int i = 0; i < shapes.latents().size(); i++) {
            LatentShapes.Latent latent = shapes.latents().get(i);
            for (int k = 0; k < alphas.length; k++) {
                grid.put(k, i, Panel.of(latent.images()[k], rows, cols));
                ImageShape m = latent.shapes()[k];
                data.add(List.of("z_" + i, alphas[k], m.inkArea(), m.orientationDeg(), m.elongation(), m.centroidRow(), m.centroidCol()));
            }
            animations.add(writeAnimation(context, shapes, i).getFileName().toString());
        }
        FigureFiles.pngWithData(context, FigureNames.RECONSTRUCTION_GRID, grid.render(),
                List.of("latent", "alpha", "ink_area", "orientation_deg", "elongation", "centroid_row", "centroid_col"), data,
                "decoder output for digit " + shapes.target() + " with each latent set to each alpha");
        writeShapeCharts(context, shapes);
        var recorder = context.recorder();
        recorder.result("reconstruction.grid", FigureNames.png(FigureNames.RECONSTRUCTION_GRID));
        recorder.result("reconstruction.animations", animations);
    }

    private Path writeAnimation(RunContext context, LatentShapes shapes, int index) {
        LatentShapes.Latent latent = shapes.latents().get(index);
        double[] there = latent.sweepAlphas();
        List<BufferedImage> frames = new ArrayList<>();
        for (int k = 0; k < there.length; k++) {
            frames.add(frame(latent.sweep()[k], shapes.imageRows(), shapes.imageCols(), index, there[k]));
        }
        for (int k = there.length - 2; k > 0; k--) {
            frames.add(frames.get(k));
        }
        return FigureFiles.gif(context, FigureNames.reconstructionAnimation(index), frames, frameDelayMs,
                "digit " + shapes.target() + " as z_" + index + " sweeps " + Ticks.label(there[0]) + ".." + Ticks.label(there[there.length - 1]) + " and back");
    }

    private static BufferedImage frame(float[] image, int rows, int cols, int latent, double alpha) {
        return PanelGrid.images().title("z_" + latent)
                .columnLabels(List.of(String.format(Locale.ROOT, "alpha = %+.2f", alpha)))
                .put(0, 0, Panel.of(image, rows, cols)).cellSize(6 * cols, 6 * rows).render();
    }

    private static void writeShapeCharts(RunContext context, LatentShapes shapes) {
        LineChart angles = LineChart.titled("Orientation of the principal axis (unwrapped)").xLabel("alpha")
                .yLabel("degrees");
        LineChart areas = LineChart.titled("Ink area (sum of pixel intensities)").xLabel("alpha").yLabel("ink area");
        for (int i = 0; i < shapes.latents().size(); i++) {
            ImageShape[] measured = shapes.latents().get(i).shapes();
            angles.series("z_" + i, shapes.alphas(), ImageMoments.unwrap(Arrays.stream(measured).mapToDouble(ImageShape::orientationDeg).toArray()), true);
            areas.series("z_" + i, shapes.alphas(), Arrays.stream(measured).mapToDouble(ImageShape::inkArea).toArray(), true);
        }
        FigureFiles.png(context, FigureNames.RECONSTRUCTION_ORIENTATION, angles.render(),
                "orientation of digit " + shapes.target() + " over alpha per latent (data in " + FigureNames.RECONSTRUCTION_GRID + ".csv)");
        FigureFiles.png(context, FigureNames.RECONSTRUCTION_INK, areas.render(),
                "ink area of digit " + shapes.target() + " over alpha per latent (data in " + FigureNames.RECONSTRUCTION_GRID + ".csv)");
    }

    private static List<String> latentLabels(int latents) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < latents; i++) {
            labels.add("z_" + i);
        }
        return labels;
    }
}

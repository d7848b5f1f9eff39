package dnnc.plugins.attribution;

import dnnc.api.InputEffect;
import dnnc.api.InputSchema;
import dnnc.api.NeuronLayout;
import dnnc.api.RunContext;
import dnnc.plugins.figures.ColourMap;
import dnnc.plugins.figures.ColourScale;
import dnnc.plugins.figures.FigureFiles;
import dnnc.plugins.figures.FigureNames;
import dnnc.plugins.figures.Panel;
import dnnc.plugins.figures.PanelGrid;
import dnnc.plugins.figures.Ticks;
import dnnc.plugins.figures.FigureNames;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The ACE heatmaps of METHODS.md section 3, each saved beside the CSV it was drawn from: the class inputs on the
 * output pixels (the study's figure 3.2), every latent over the alpha grid on the output pixels and on the
 * hidden layers, and a looping GIF per latent over alpha. Diverging colour map, white at 0, with a colour bar.
 */
final class AceFigures {
    private static final int GIF_FRAME_MILLIS = 400;

    private final RunContext context;
    private final InputSchema schema;
    private final NeuronLayout layout;
    private final AceTables tables;
    private final int rows;
    private final int cols;

    AceFigures(RunContext context, InputSchema schema, NeuronLayout layout, AceTables tables, int rows, int cols) {
        this.context = context;
        this.schema = schema;
        this.layout = layout;
        this.tables = tables;
        this.rows = rows;
        this.cols = cols;
    }

    void drawAll() {
        boolean images = layout.layers().get(layout.layers().size() - 1).size() == rows * cols;
        if (images && !tables.classes().isEmpty()) {
            classesOnOutput();
        }
        if (images && !tables.latents().isEmpty()) {
            latentsOnOutput();
            for (InputEffect latent : tables.latents()) {
                latentGif(latent);
            }
        }
        if (layout.layers().size() > 2) {
            for (InputEffect latent : tables.latents()) {
                latentOnHidden(latent);
            }
        }
        if (!images) {
            context.recorder().warning("output layer has " + layout.layers().get(layout.layers().size() - 1).size()
                    + " neurons, not a " + rows + " x " + cols + " image: no pixel ACE maps drawn");
        }
    }

    private void classesOnOutput() {
        PanelGrid grid = PanelGrid.heatmap().title("ACE of each class input c_k on the output pixels")
                .colourBar("ACE");
        int perRow = (tables.classes().size() + 1) / 2;
        List<List<?>> data = new ArrayList<>();
        for (int q = 0; q < tables.classes().size(); q++) {
            InputEffect effect = tables.classes().get(q);
            double[] map = AceSummary.onOutputs(effect, layout)[0];
            grid.put(q / perRow, q % perRow, Panel.of(map, rows, cols).titled(schema.label(effect.input())));
            addPixelRows(data, schema.label(effect.input()), 1, map, outputSe(effect, 0));
        }
        FigureFiles.pngWithData(context, FigureNames.ACE_CLASSES_OUTPUT, grid.render(),
                List.of("input", "value", "pixel", "row", "col", "ace", "standard_error"), data,
                "ACE of do(c_k = 1) against the renormalised class mix, on each output pixel");
    }

    private void latentsOnOutput() {
        PanelGrid grid = PanelGrid.heatmap().title("ACE of each latent on the output pixels (target class "
                + "fixed), rows alpha").xAxisTitle("latent").yAxisTitle("alpha").colourBar("ACE")
                .columnLabels(tables.latents().stream().map(e -> schema.label(e.input())).toList())
                .rowLabels(alphaLabels());
        List<List<?>> data = new ArrayList<>();
        for (int q = 0; q < tables.latents().size(); q++) {
            InputEffect effect = tables.latents().get(q);
            double[][] maps = AceSummary.onOutputs(effect, layout);
            for (int a = 0; a < maps.length; a++) {
                grid.put(a, q, Panel.of(maps[a], rows, cols));
                addPixelRows(data, schema.label(effect.input()), effect.values()[a], maps[a], outputSe(effect, a));
            }
        }
        FigureFiles.pngWithData(context, FigureNames.ACE_LATENTS_OUTPUT, grid.render(),
                List.of("input", "value", "pixel", "row", "col", "ace", "standard_error"), data,
                "ACE of do(z_i = alpha) on each output pixel, every latent and alpha");
    }

    /** One frame per alpha on one colour scale for the whole loop, so the frames compare. */
    private void latentGif(InputEffect effect) {
        String label = schema.label(effect.input());
        double[][] maps = AceSummary.onOutputs(effect, layout);
        double maxAbs = 0;
        for (double[] map : maps) {
            for (double v : map) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        ColourScale scale = ColourScale.symmetric(ColourMap.diverging(), maxAbs);
        List<BufferedImage> frames = new ArrayList<>();
        for (int a = 0; a < maps.length; a++) {
            frames.add(PanelGrid.heatmap().scale(scale).colourBar("ACE")
                    .title("ACE of do(" + label + " = " + Ticks.label(effect.values()[a]) + ")")
                    .put(0, 0, Panel.of(maps[a], rows, cols)).cellSize(cols * 8, rows * 8).render());
        }
        FigureFiles.gif(context, FigureNames.aceOutputAnimation(label), frames, GIF_FRAME_MILLIS,
                "ACE of " + label + " on the output pixels, looping over alpha (numbers in ace_latents_output.csv)");
    }

    private void latentOnHidden(InputEffect effect) {
        String label = schema.label(effect.input());
        int hidden = layout.layers().size() - 2;
        PanelGrid grid = PanelGrid.heatmap().title("ACE of " + label + " on the hidden neurons, rows alpha")
                .xAxisTitle("hidden layer").yAxisTitle("alpha").colourBar("ACE").rowLabels(alphaLabels())
                .columnLabels(layout.layers().subList(1, 1 + hidden).stream()
                        .map(l -> l.name() + " (" + l.size() + ")").toList())
                .cellSize(360, 28);
        List<List<?>> data = new ArrayList<>();
        for (int a = 0; a < effect.ace().length; a++) {
            for (int l = 1; l <= hidden; l++) {
                int offset = layout.offset(l);
                int size = layout.layers().get(l).size();
                double[] strip = java.util.Arrays.copyOfRange(effect.ace()[a], offset, offset + size);
                grid.put(a, l - 1, Panel.of(strip, 1, size));
                for (int n = 0; n < size; n++) {
                    data.add(List.of(label, effect.values()[a], l, n, strip[n],
                            effect.standardError() == null ? "" : effect.standardError()[a][offset + n]));
                }
            }
        }
        FigureFiles.pngWithData(context, FigureNames.aceHidden(label), grid.render(),
                List.of("input", "value", "layer", "neuron", "ace", "standard_error"), data,
                "ACE of do(" + label + " = alpha) on each hidden neuron, one strip per layer");
    }

    private double[] outputSe(InputEffect effect, int value) {
        if (effect.standardError() == null) {
            return null;
        }
        int last = layout.layers().size() - 1;
        int offset = layout.offset(last);
        return java.util.Arrays.copyOfRange(effect.standardError()[value], offset, offset + rows * cols);
    }

    private void addPixelRows(List<List<?>> data, String label, double value, double[] map, double[] se) {
        for (int p = 0; p < map.length; p++) {
            data.add(List.of(label, value, p, p / cols, p % cols, map[p], se == null ? "" : se[p]));
        }
    }

    private List<String> alphaLabels() {
        return java.util.Arrays.stream(tables.alphas()).mapToObj(Ticks::label).toList();
    }
}

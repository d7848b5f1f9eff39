package dnnc.plugins.attribution;

import dnnc.api.AttributionMethod;
import dnnc.api.InputEffect;
import dnnc.api.InterventionTarget;
import dnnc.api.InvalidInputException;
import dnnc.api.LabeledData;
import dnnc.api.ImageSet;
import dnnc.api.ProbedNetwork;
import dnnc.api.Progress;
import dnnc.api.Recorder;
import dnnc.api.RowAttribution;
import dnnc.api.RowAttributionRequest;
import dnnc.api.RunContext;
import dnnc.api.Slots;
import dnnc.api.TensorInfo;
import dnnc.io.Npy;
import dnnc.plugins.figures.BarChart;
import dnnc.plugins.figures.FigureFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The attribution step on a network brought as a file ({@link Slots#NETWORK}) over its data rows: puts
 * {@link Slots#ATTRIBUTION}, {@link Slots#FEATURES} (of the focus target) and {@link Slots#ROW_ATTRIBUTION}; records
 * under "ace.": targets, alphas, total_effect per target, focus_target, and ace.target_effects (targets x alphas x
 * neurons) as an array and .npy, with a bar chart of the total effects.
 */
final class RowAttributionStep {
    private RowAttributionStep() {
    }

    static void run(AttributionMethod plugin, ProbedNetwork network, RunContext context) {
        LabeledData data = context.require(Slots.DATA, "attribution step '" + plugin.name() + "'");
        ImageSet rows = data.heldOut();
        TensorInfo input = network.summary().inputs().get(0);
        long[] shape = input.shape();
        RowAttributionRequest request = new RowAttributionRequest(network.probe(), Arrays.copyOfRange(shape, 1, shape.length),
                rows.pixels(), rows.count(), context.seed());
        RowAttribution found;
        try (Progress progress = context.progress("attribution " + plugin.name(), 100, "%")) {
            found = plugin.attributeRows(request, progress).orElseThrow(() -> new InvalidInputException("attribution plugin '"
                    + plugin.name() + "' works on the study's decoder only; for a network file use network-ace"));
        }
        context.put(Slots.ATTRIBUTION, found.result());
        context.put(Slots.FEATURES, found.features());
        context.put(Slots.ROW_ATTRIBUTION, found);
        record(found, context);
    }

    private static void record(RowAttribution found, RunContext context) {
        Recorder recorder = context.recorder();
        List<InterventionTarget> targets = found.targets();
        recorder.result("ace.method", found.result().method());
        found.result().diagnostics().forEach((key, value) -> recorder.result("ace." + key, value));
        recorder.result("ace.targets", targets.stream().map(InterventionTarget::label).toList());
        recorder.result("ace.target_sizes", targets.stream().map(t -> t.units().length).toList());
        recorder.result("ace.alphas", Arrays.stream(found.features().alphas()).boxed().toList());
        recorder.result("ace.focus_target", found.focusTarget().label());
        recorder.result("ace.focus_index", found.focus());

        List<InputEffect> effects = found.result().effects();
        int alphas = found.features().alphas().length;
        int neurons = found.features().layout().total();
        double[] values = new double[effects.size() * alphas * neurons];
        for (int t = 0; t < effects.size(); t++) {
            for (int a = 0; a < alphas; a++) {
                System.arraycopy(effects.get(t).ace()[a], 0, values, (t * alphas + a) * neurons, neurons);
            }
        }
        int[] shape = {effects.size(), alphas, neurons};
        recorder.array("ace.target_effects", shape, values);
        Path file = Npy.write(context.outputDir().resolve("ace_targets.npy"), shape, values);
        recorder.artifact(file, "ACE, targets x alphas x neurons (float64 .npy; targets as ace.targets, neurons in the layout order)");

        @SuppressWarnings("unchecked")
        java.util.Map<String, Double> totals = (java.util.Map<String, Double>) found.result().diagnostics().get("total_effect");
        List<String> labels = new ArrayList<>(totals.keySet());
        double[] bars = totals.values().stream().mapToDouble(Double::doubleValue).toArray();
        List<List<Object>> rows = new ArrayList<>();
        for (int t = 0; t < labels.size(); t++) {
            rows.add(List.of(t, labels.get(t), bars[t]));
        }
        FigureFiles.pngWithData(context, "ace_targets", BarChart.titled("Effect of do(target) on the output (mean |ACE| over alphas and outputs)")
                        .categories(labels.stream().map(l -> Integer.toString(labels.indexOf(l))).toList()).series("mean |ACE|", bars)
                        .xLabel("target").yLabel("mean |ACE| on the outputs").size(900, 420).render(),
                List.of("target", "label", "mean_abs_ace_on_outputs"), rows, "how much do() on each target moves the network's output");
    }
}

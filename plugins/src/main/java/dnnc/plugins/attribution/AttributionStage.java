package dnnc.plugins.attribution;

import dnnc.api.AttributionMethod;
import dnnc.api.AttributionRequest;
import dnnc.api.AttributionResult;
import dnnc.api.ConditionalGenerator;
import dnnc.api.EffectSummary;
import dnnc.api.InputEffect;
import dnnc.api.InputSchema;
import dnnc.api.InvalidInputException;
import dnnc.api.LabeledData;
import dnnc.api.NeuronAttribution;
import dnnc.api.PluginKind;
import dnnc.api.ProbedNetwork;
import dnnc.api.Progress;
import dnnc.api.Recorder;
import dnnc.api.RunContext;
import dnnc.api.SampleFeatures;
import dnnc.api.Slots;
import dnnc.api.Stage;
import dnnc.io.Npy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Attributes a network brought as a file ({@link Slots#NETWORK}, see {@link RowAttributionStep}) or the decoder of {@link Slots#MODEL}: puts {@link Slots#ATTRIBUTION}, and for methods that sample
 * also {@link Slots#FEATURES} of the focus latent (the clustering input). Records under "ace.": total_effect
 * (per latent, see {@link AceSummary#totalEffects}), most_moving_latent, focus_latent, class_diagonal_hits and
 * class_correlations (needs {@link Slots#DATA}), the method's diagnostics; the full arrays (ace.latent_effects
 * latents x alphas x neurons, ace.class_effects classes x neurons, and their standard errors) as recorder
 * arrays and .npy files; and the heatmaps of {@link AceFigures}. Neuron attributions (saliency, integrated
 * gradients) are recorded under "attribution.&lt;method&gt;.".
 */
public final class AttributionStage implements Stage<AttributionMethod> {

    @Override
    public PluginKind kind() {
        return PluginKind.ATTRIBUTION;
    }

    @Override
    public void run(AttributionMethod plugin, RunContext context) {
        Optional<ProbedNetwork> network = context.get(Slots.NETWORK);
        if (network.isPresent() && context.get(Slots.MODEL).isEmpty()) {
            RowAttributionStep.run(plugin, network.get(), context);
            return;
        }
        ConditionalGenerator model = context.require(Slots.MODEL, "attribution step '" + plugin.name() + "'");
        InputSchema schema = model.inputs();
        AttributionRequest request = plugin.request(model.decoder(), schema, context.seed());
        AttributionResult result;
        try (Progress progress = context.progress("attribution " + plugin.name(), plugin.workUnits(request), "draws")) {
            result = plugin.attribute(request, progress);
        }
        context.put(Slots.ATTRIBUTION, result);
        if (!result.effects().isEmpty()) {
            recordEffects(plugin, request, result, model, context);
        }
        if (result.neuron() != null) {
            recordNeuron(result, schema, context.recorder());
        }
    }

    private void recordEffects(AttributionMethod plugin, AttributionRequest request, AttributionResult result,
                               ConditionalGenerator model, RunContext context) {
        Recorder recorder = context.recorder();
        InputSchema schema = request.schema();
        recorder.result("ace.method", result.method());
        result.diagnostics().forEach((key, value) -> recorder.result("ace." + key, value));
        Map<Integer, Double> totals = AceSummary.totalEffects(result, schema);
        Map<String, Double> totalByLabel = new LinkedHashMap<>();
        totals.forEach((latent, total) -> totalByLabel.put(schema.label(latent), total));
        recorder.result("ace.total_effect", totalByLabel);
        Optional<Integer> mostMoving = AceSummary.mostMoving(totals);
        mostMoving.ifPresent(latent -> recorder.result("ace.most_moving_latent", latent));

        AceTables tables = AceTables.of(result, schema);
        recordArrays(tables, context);
        Integer hits = classDiagonal(tables, result, schema, context);
        new AceFigures(context, schema, result.layout(), tables, model.imageRows(), model.imageCols()).drawAll();
        Integer focus = focusFeatures(plugin, request, mostMoving, context);
        context.put(Slots.EFFECT_SUMMARY, new EffectSummary(focus, totalByLabel, hits));
    }

    /** The focus latent, whose per-draw features later steps cluster; null when no latent was attributed. */
    private Integer focusFeatures(AttributionMethod plugin, AttributionRequest request, Optional<Integer> mostMoving,
                                  RunContext context) {
        InputSchema schema = request.schema();
        OptionalInt chosen = plugin.focusLatent();
        Integer focus = chosen.isPresent() ? Integer.valueOf(chosen.getAsInt()) : mostMoving.orElse(null);
        if (focus == null) {
            context.recorder().warning("no latent was attributed: no focus latent, no per-draw features");
            return null;
        }
        if (focus < 0 || focus >= schema.latents()) {
            throw new InvalidInputException("parameter 'focus' is " + focus + "; expected auto or a latent 0.." + (schema.latents() - 1));
        }
        context.recorder().result("ace.focus_latent", focus);
        Optional<SampleFeatures> features;
        try (Progress progress = context.progress("per-draw features of " + schema.label(focus), plugin.workUnits(request), "draws")) {
            features = plugin.sampleFeatures(request, focus, progress);
        }
        features.ifPresent(f -> context.put(Slots.FEATURES, f));
        return focus;
    }

    private void recordArrays(AceTables tables, RunContext context) {
        boolean se = tables.hasStandardErrors();
        if (!tables.latents().isEmpty()) {
            saveArray(context, "ace.latent_effects", "ace_latents", tables.latentShape(), tables.latentValues(false),
                    "ACE, latents x alphas x neurons");
            if (se) {
                saveArray(context, "ace.latent_standard_errors", "ace_latents_se", tables.latentShape(),
                        tables.latentValues(true), "standard errors of ACE, latents x alphas x neurons");
            }
        }
        if (!tables.classes().isEmpty()) {
            saveArray(context, "ace.class_effects", "ace_classes", tables.classShape(), tables.classValues(false),
                    "ACE of do(c_k = 1), classes x neurons");
            if (se) {
                saveArray(context, "ace.class_standard_errors", "ace_classes_se", tables.classShape(),
                        tables.classValues(true), "standard errors of class ACE, classes x neurons");
            }
        }
        context.recorder().result("ace.latent_inputs", tables.latents().stream().map(InputEffect::input).toList());
        context.recorder().result("ace.class_inputs", tables.classes().stream().map(InputEffect::input).toList());
        context.recorder().result("ace.alphas", Arrays.stream(tables.alphas()).boxed().toList());
    }

    private static void saveArray(RunContext context, String name, String file, int[] shape, double[] values, String description) {
        context.recorder().array(name, shape, values);
        Path path = Npy.write(context.outputDir().resolve(file + ".npy"), shape, values);
        context.recorder().artifact(path, description + " (float64 .npy; rows follow ace.latent_inputs / ace.class_inputs, neurons the layout order)");
    }

    /** METHODS.md section 6, finding 3: the ACE map of c_k should look like digit k. The hits, or null when not measured. */
    private Integer classDiagonal(AceTables tables, AttributionResult result, InputSchema schema, RunContext context) {
        if (tables.classes().size() != schema.classes()) {
            return null;
        }
        Optional<LabeledData> data = context.get(Slots.DATA);
        if (data.isEmpty()) {
            context.recorder().warning("no data step before attribution: ace.class_diagonal_hits not computed");
            return null;
        }
        double[][] means = AceSummary.meanImages(data.get().heldOut(), schema.classes());
        if (means[0].length != result.layout().layers().get(result.layout().layers().size() - 1).size()) {
            context.recorder().warning("held-out images do not match the output layer: ace.class_diagonal_hits not computed");
            return null;
        }
        List<double[]> maps = new ArrayList<>();
        for (InputEffect effect : tables.classes()) {
            maps.add(AceSummary.onOutputs(effect, result.layout())[0]);
        }
        double[][] r = AceSummary.classCorrelations(maps, means);
        int hits = AceSummary.diagonalHits(r);
        context.recorder().result("ace.class_diagonal_hits", hits);
        context.recorder().result("ace.class_correlations", Arrays.stream(r).map(row -> Arrays.stream(row).boxed().toList()).toList());
        return hits;
    }

    private void recordNeuron(AttributionResult result, InputSchema schema, Recorder recorder) {
        NeuronAttribution a = result.neuron();
        String prefix = "attribution." + result.method() + ".";
        recorder.result(prefix + "layer", a.layer());
        recorder.result(prefix + "neuron", a.neuron());
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> errors = new LinkedHashMap<>();
        for (int i = 0; i < a.perInput().length; i++) {
            values.put(schema.label(i), a.perInput()[i]);
            errors.put(schema.label(i), a.standardError()[i]);
        }
        recorder.result(prefix + "per_input", values);
        recorder.result(prefix + "standard_error", errors);
        result.diagnostics().forEach((key, value) -> recorder.result(prefix + key, value));
    }
}

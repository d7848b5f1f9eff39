package dnnc.plugins.attribution;

import dnnc.api.SeedRule;
import dnnc.api.Activations;
import dnnc.api.AttributionRequest;
import dnnc.api.AttributionResult;
import dnnc.api.InputEffect;
import dnnc.api.InputSchema;
import dnnc.api.InterventionTarget;
import dnnc.api.InvalidInputException;
import dnnc.api.Layer;
import dnnc.api.Lesion;
import dnnc.api.NetworkProbe;
import dnnc.api.NeuronLayout;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Progress;
import dnnc.api.RowAttribution;
import dnnc.api.RowAttributionRequest;
import dnnc.api.SampleFeatures;
import dnnc.api.UnitValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * ACE of do() on groups of input features or on hidden units of a network brought as a file (docs/METHODS.md
 * section 8): the same {@code draws} data rows (the empirical distribution of everything not intervened on) are run
 * with do(target = alpha) for every alpha; ACE(alpha) = mean over rows of (activation - baseline), the baseline
 * being each row's mean over the alphas (as the study) or its intact activation (baseline=data). The focus target's
 * per-row activations and effects are the features neurons are clustered by.
 */
@PluginInfo(name = "network-ace", description = "ACE of do() on input feature groups (patches) or hidden units of a network file, over its data rows")
public final class NetworkAce implements dnnc.api.AttributionMethod {

    @Param(description = "what do() sets: input, or the name of a probed tensor (its units)")
    private String on = "input";

    @Param(description = "targets: auto, each, blocks:K, patches:P (image inputs), or unit lists like 0-15,20;30-40")
    private String groups = "auto";

    @Param(description = "intervention values: auto (min, mean and max of the targeted values in the data) or numbers separated by ','")
    private String alphas = "auto";

    @Param(description = "data rows drawn for every do() (all rows when the data has fewer)", min = 2, max = 1_000_000)
    private int draws = 500;

    @Param(description = "baseline of the effect: alphas (each row's mean over the alphas, as the study) or data (the row as it is)",
            allowed = {"alphas", "data"})
    private String baseline = "alphas";

    @Param(description = "target whose per-row features are clustered: auto (largest total effect on the output) or its index",
            allowed = {"auto", "<number>"})
    private String focus = "auto";

    @Param(description = "units the features are kept for: units (probed tensors and outputs; input features left out, as constant) or all",
            allowed = {"units", "all"})
    private String cluster = "units";

    @Param(description = "seed of the rows drawn; -1 derives it from the run's seed", min = -1)
    private long seed = -1;

    @Override
    public AttributionRequest request(NetworkProbe network, InputSchema schema, long runSeed) {
        throw new InvalidInputException("attribution plugin 'network-ace' analyses networks brought as files (dnnc:model:onnx); "
                + "the study's decoder takes ace-monte-carlo or ace-taylor");
    }

    @Override
    public AttributionResult attribute(AttributionRequest request, Progress progress) {
        throw new IllegalStateException("network-ace attributes rows only");
    }

    @Override
    public Optional<RowAttribution> attributeRows(RowAttributionRequest request, Progress progress) {
        NetworkProbe probe = request.network();
        int layerIndex = layerIndex(probe);
        List<InterventionTarget> targets = InterventionTargets.of(groups, layerIndex, probe.layers().get(layerIndex), request.rowShape());
        float[] rows = drawRows(request);
        int n = rows.length / probe.inputSize();
        NeuronLayout layout = probe.layout();
        float[] intact = flatten(probe.forward(rows, n, Lesion.none()), layout);
        double[] grid = alphas.equals("auto") ? autoAlphas(intact, n, layout, layerIndex, targets) : parseAlphas();
        int fixedFocus = focusIndex(targets.size());
        List<InputEffect> effects = new ArrayList<>();
        Map<String, Double> totals = new LinkedHashMap<>();
        SampleFeatures best = null;
        double bestTotal = Double.NEGATIVE_INFINITY;
        int bestTarget = -1;
        for (int t = 0; t < targets.size(); t++) {
            float[][] acts = new float[grid.length][];
            for (int a = 0; a < grid.length; a++) {
                acts[a] = flatten(probe.intervene(rows, n, values(targets.get(t), grid[a]), Lesion.none()), layout);
            }
            float[][] perRow = effectsPerRow(acts, intact, n, layout.total());
            InputEffect effect = summarise(t, grid, perRow, n, layout.total());
            effects.add(effect);
            double total = outputEffect(effect, layout);
            totals.put(targets.get(t).label(), total);
            boolean chosen = fixedFocus >= 0 ? t == fixedFocus : total > bestTotal;
            if (chosen) {
                bestTotal = total;
                bestTarget = t;
                best = new SampleFeatures(t, grid.clone(), layout, n, clustered(acts, layout), clustered(perRow, layout));
            }
            progress.advance((t + 1) * 100L / targets.size() - t * 100L / targets.size());
        }
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("draws", n);
        diagnostics.put("baseline", baseline);
        diagnostics.put("on", probe.layers().get(layerIndex).name());
        diagnostics.put("clustered", cluster.equals("all") ? "every unit, input features included" : "probed units and outputs (input features left out)");
        diagnostics.put("total_effect", totals);
        AttributionResult result = new AttributionResult(name(), layout, effects, null, diagnostics);
        return Optional.of(new RowAttribution(result, targets, bestTarget, best));
    }

    private int layerIndex(NetworkProbe probe) {
        List<Layer> layers = probe.layers();
        if (on.equals("input")) {
            return 0;
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).name().equals(on)) {
                return l;
            }
        }
        throw new InvalidInputException("parameter 'on' of 'network-ace' is '" + on + "'; expected input or a probed tensor: "
                + String.join(", ", layers.subList(1, layers.size()).stream().map(Layer::name).toList()));
    }

    private float[] drawRows(RowAttributionRequest request) {
        int width = request.network().inputSize();
        if (draws >= request.count()) {
            return Arrays.copyOf(request.rows(), request.count() * width);
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, request.count()).boxed().toList());
        Collections.shuffle(order, new Random(seed >= 0 ? seed : SeedRule.derive(request.seed(), "network-ace")));
        int[] chosen = order.subList(0, draws).stream().mapToInt(Integer::intValue).sorted().toArray();
        float[] rows = new float[draws * width];
        for (int i = 0; i < draws; i++) {
            System.arraycopy(request.rows(), chosen[i] * width, rows, i * width, width);
        }
        return rows;
    }

    /**
     * The features as clustered: with {@code cluster=units} the input features' columns are 0, so similarity leaves
     * them out as constant; they are the data, not units of the network.
     */
    private float[][] clustered(float[][] features, NeuronLayout layout) {
        if (cluster.equals("all")) {
            return features;
        }
        int total = layout.total();
        int inputs = layout.layers().get(0).size();
        float[][] kept = new float[features.length][];
        for (int a = 0; a < features.length; a++) {
            kept[a] = features[a].clone();
            for (int r = 0; r < kept[a].length / total; r++) {
                Arrays.fill(kept[a], r * total, r * total + inputs, 0f);
            }
        }
        return kept;
    }

    /** Every neuron of the layout per row: row-major rows x total. */
    private static float[] flatten(Activations a, NeuronLayout layout) {
        int total = layout.total();
        float[] flat = new float[a.batch() * total];
        for (int l = 0; l < layout.layers().size(); l++) {
            int size = layout.layers().get(l).size();
            int offset = layout.offset(l);
            for (int r = 0; r < a.batch(); r++) {
                System.arraycopy(a.layer(l), r * size, flat, r * total + offset, size);
            }
        }
        return flat;
    }

    private double[] autoAlphas(float[] intact, int rows, NeuronLayout layout, int layerIndex, List<InterventionTarget> targets) {
        int total = layout.total();
        int offset = layout.offset(layerIndex);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long count = 0;
        for (InterventionTarget t : targets) {
            for (int u : t.units()) {
                for (int r = 0; r < rows; r++) {
                    double v = intact[r * total + offset + u];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    count++;
                }
            }
        }
        if (!(max > min)) {
            throw new InvalidInputException("the targeted values of 'network-ace' are constant (" + min + ") in the data rows drawn; "
                    + "give alphas=... explicitly");
        }
        return new double[] {round(min), round(sum / count), round(max)};
    }

    /** Three significant digits: alphas name results and files. */
    private static double round(double v) {
        return v == 0 ? 0 : new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue();
    }

    private double[] parseAlphas() {
        try {
            double[] grid = Arrays.stream(alphas.split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
            if (grid.length >= 2 && Arrays.stream(grid).distinct().count() == grid.length) {
                return grid;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new InvalidInputException("parameter 'alphas' of 'network-ace' is '" + alphas + "'; expected auto or two or more distinct numbers separated by ','");
    }

    private int focusIndex(int targets) {
        if (focus.equals("auto")) {
            return -1;
        }
        int index = (int) Double.parseDouble(focus);
        if (index < 0 || index >= targets || index != Double.parseDouble(focus)) {
            throw new InvalidInputException("parameter 'focus' of 'network-ace' is " + focus + "; expected auto or a target 0.." + (targets - 1));
        }
        return index;
    }

    private static List<UnitValue> values(InterventionTarget target, double alpha) {
        return Arrays.stream(target.units()).mapToObj(u -> new UnitValue(target.layer(), u, (float) alpha)).toList();
    }

    /** Per row and alpha: activation minus the row's baseline (its mean over the alphas, or its intact activation). */
    private float[][] effectsPerRow(float[][] acts, float[] intact, int rows, int total) {
        float[][] effects = new float[acts.length][rows * total];
        for (int i = 0; i < rows * total; i++) {
            double base = 0;
            if (baseline.equals("data")) {
                base = intact[i];
            } else {
                for (float[] a : acts) {
                    base += a[i];
                }
                base /= acts.length;
            }
            for (int a = 0; a < acts.length; a++) {
                effects[a][i] = (float) (acts[a][i] - base);
            }
        }
        return effects;
    }

    /** ACE per alpha and neuron with its standard error over the rows. */
    private static InputEffect summarise(int target, double[] grid, float[][] perRow, int rows, int total) {
        double[][] ace = new double[grid.length][total];
        double[][] se = new double[grid.length][total];
        for (int a = 0; a < grid.length; a++) {
            double[] values = new double[rows * total];
            for (int i = 0; i < values.length; i++) {
                values[i] = perRow[a][i];
            }
            RunningMoments m = RunningMoments.ofBlock(values, rows, total);
            ace[a] = m.mean();
            se[a] = m.standardError();
        }
        return new InputEffect(target, grid.clone(), ace, se);
    }

    /** Mean |ACE| over the alphas and the output layer's neurons: how much the target moves the output. */
    private static double outputEffect(InputEffect effect, NeuronLayout layout) {
        int last = layout.layers().size() - 1;
        int from = layout.offset(last);
        int to = from + layout.layers().get(last).size();
        double sum = 0;
        for (double[] row : effect.ace()) {
            for (int j = from; j < to; j++) {
                sum += Math.abs(row[j]);
            }
        }
        return sum / (effect.ace().length * (double) (to - from));
    }
}

package dnnc.plugins.clustering;

import dnnc.api.Clustering;
import dnnc.api.ClusteringAlgorithm;
import dnnc.api.ClusteringSet;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.NeuronClustering;
import dnnc.api.NeuronLayout;
import dnnc.api.PluginKind;
import dnnc.api.Progress;
import dnnc.api.RunContext;
import dnnc.api.SettledClustering;
import dnnc.api.SimilarityResult;
import dnnc.api.SimilaritySet;
import dnnc.api.Slots;
import dnnc.api.Stage;
import dnnc.api.WorkUnit;
import dnnc.plugins.figures.FigureFiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clusters every similarity of {@link Slots#SIMILARITIES} into {@link Slots#CLUSTERINGS} (labels per neuron of the
 * layout, -1 for neurons left out as constant or when no cluster formed) and records:
 * <ul>
 * <li>{@code findings.clusters.<activation|ace>.<alpha>}: the study's table 3.1 (cluster count; written only for
 * converged clusterings; otherwise {@code clustering.<kind>.<alpha>.converged = false} and a warning);</li>
 * <li>{@code clustering.<kind>.<alpha>.iterations|converged|constant}; {@code clustering.<kind>.preference} when a sweep chose it (once per feature kind, on the middle alpha);
 * a repeat of the analysis (same algorithm and parameters) reuses the main analysis's settings
 * ({@link Slots#SETTLED_CLUSTERING}; {@code clustering.<kind>.settings_from = "main analysis"}), so repeats
 * differ by their seeds only;</li>
 * <li>files: table-3-1.csv, table-3-1.html, clusters-&lt;kind&gt;-alpha&lt;alpha&gt;.csv (layer, index, label) and, for
 * preference sweeps, preference-sweep.png/.csv (the study's figure 3.5).</li>
 * </ul>
 */
public final class ClusteringStage implements Stage<ClusteringAlgorithm> {
    @Override
    public PluginKind kind() {
        return PluginKind.CLUSTERING;
    }

    @Override
    public void run(ClusteringAlgorithm algorithm, RunContext context) {
        SimilaritySet similarities = context.require(Slots.SIMILARITIES, "the clustering step");
        NeuronLayout layout = context.require(Slots.FEATURES, "the clustering step").layout();
        Map<FeatureKey, NeuronClustering> byKey = new LinkedHashMap<>();
        Map<FeatureKind, FeatureKey> representatives = representatives(similarities.byKey().keySet());
        Map<FeatureKind, ClusteringAlgorithm.Calibration> calibrations = new LinkedHashMap<>();
        Optional<SettledClustering> settled = context.repeat() > 0
                ? context.get(Slots.SETTLED_CLUSTERING).filter(s -> s.appliesTo(algorithm)) : Optional.empty();
        try (Progress progress = context.progress("clustering " + algorithm.name(), similarities.byKey().size(), "clusterings")) {
            for (Map.Entry<FeatureKind, FeatureKey> r : representatives.entrySet()) {
                ClusteringAlgorithm.Calibration earlier = settled.map(s -> s.byKind().get(r.getKey())).orElse(null);
                if (earlier != null) {
                    calibrations.put(r.getKey(), new ClusteringAlgorithm.Calibration(earlier.algorithm(), null));
                    context.recorder().result("clustering." + r.getKey().id() + ".settings_from", "main analysis");
                    continue;
                }
                progress.status("settling " + r.getKey().id() + " settings on alpha " + r.getValue().alphaLabel());
                calibrations.put(r.getKey(), algorithm.calibrate(similarities.byKey().get(r.getValue()).matrix(), context.seed(),
                        Progress.statusesTo(progress::status)));
            }
            if (context.repeat() == 0) {
                context.put(Slots.SETTLED_CLUSTERING, new SettledClustering(algorithm.name(), algorithm.parameterValues(), calibrations));
            }
            List<WorkUnit<?, Clustering>> units = new ArrayList<>();
            similarities.byKey().forEach((key, similarity) -> units.add(new WorkUnit<>(calibrations.get(key.kind()).algorithm(),
                    new ClusteringUnit(key, similarity.matrix(), context.seed()))));
            Iterator<Clustering> computed = context.units().compute(units, progress).iterator();
            for (Map.Entry<FeatureKey, SimilarityResult> e : similarities.byKey().entrySet()) {
                FeatureKey key = e.getKey();
                ClusteringAlgorithm.Calibration calibration = calibrations.get(key.kind());
                Clustering c = computed.next();
                if (calibration.sweep() != null && key.equals(representatives.get(key.kind()))) {
                    c = new Clustering(c.labels(), c.clusterCount(), c.iterations(), c.converged(), c.warnings(), calibration.sweep());
                }
                NeuronClustering nc = new NeuronClustering(key, perNeuron(c.labels(), e.getValue().kept(), layout.total()), c);
                byKey.put(key, nc);
                record(context, nc, e.getValue(), layout);
            }
        }
        ClusteringSet set = new ClusteringSet(algorithm.name(), similarities.measure(), similarities.input(), layout, byKey);
        context.put(Slots.CLUSTERINGS, set);
        context.put(Slots.CLUSTERING_ALGORITHM, algorithm);
        ClusterTables.write(context, set);
        PreferenceSweepFigure.write(context, set);
    }

    /**
     * Per feature kind, the key whose settings stand for all its alphas: the middle alpha of the grid, where the
     * intervention is mildest, so a setting chosen there is not driven by an extreme.
     */
    static Map<FeatureKind, FeatureKey> representatives(java.util.Collection<FeatureKey> keys) {
        Map<FeatureKind, List<FeatureKey>> byKind = new LinkedHashMap<>();
        for (FeatureKey key : keys) {
            byKind.computeIfAbsent(key.kind(), k -> new ArrayList<>()).add(key);
        }
        Map<FeatureKind, FeatureKey> middle = new LinkedHashMap<>();
        byKind.forEach((kind, list) -> {
            List<FeatureKey> sorted = list.stream().sorted(java.util.Comparator.comparingDouble(FeatureKey::alpha)).toList();
            middle.put(kind, sorted.get((sorted.size() - 1) / 2));
        });
        return middle;
    }

    /** Labels of the kept variables spread over all neurons; constant neurons get -1. */
    static int[] perNeuron(int[] keptLabels, int[] kept, int neurons) {
        int[] labels = new int[neurons];
        Arrays.fill(labels, -1);
        for (int k = 0; k < kept.length; k++) {
            labels[kept[k]] = keptLabels[k];
        }
        return labels;
    }

    private static void record(RunContext context, NeuronClustering nc, SimilarityResult similarity, NeuronLayout layout) {
        FeatureKey key = nc.key();
        Clustering c = nc.clustering();
        String prefix = "clustering." + key.kind().id() + "." + key.alphaLabel();
        context.recorder().result(prefix + ".iterations", c.iterations());
        context.recorder().result(prefix + ".converged", c.converged());
        context.recorder().result(prefix + ".constant", similarity.variables() - similarity.kept().length);
        if (c.sweep() != null) {
            context.recorder().result("clustering." + key.kind().id() + ".preference", c.sweep().chosen());
            context.recorder().result("clustering." + key.kind().id() + ".preference_chosen_at_alpha", key.alphaLabel());
        }
        if (c.converged()) {
            context.recorder().result("findings.clusters." + key.kind().id() + "." + key.alphaLabel(), c.clusterCount());
        } else {
            context.recorder().warning(prefix + " did not converge: its partition is not reported as a finding");
        }
        for (String w : c.warnings()) {
            context.recorder().warning(prefix + ": " + w);
        }
        List<List<?>> rows = new ArrayList<>();
        int[] labels = nc.labels();
        for (int g = 0; g < labels.length; g++) {
            int layer = layout.layerOf(g);
            rows.add(List.of(layout.layers().get(layer).name(), layout.indexInLayer(g), labels[g]));
        }
        FigureFiles.csv(context, "clusters-" + key.kind().id() + "-alpha" + key.alphaLabel(), List.of("layer", "index", "label"), rows,
                "cluster of every neuron (" + key.kind().id() + " features, alpha " + key.alphaLabel() + "; -1 = constant, left out)");
    }

}

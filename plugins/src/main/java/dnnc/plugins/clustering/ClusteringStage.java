package dnnc.plugins.clustering;

import dnnc.api.Clustering;
import dnnc.api.ClusteringAlgorithm;
import dnnc.api.ClusteringSet;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.Matrix;
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
import dnnc.api.WorkUnits;
import dnnc.io.Futures;
import dnnc.plugins.figures.FigureFiles;
import dnnc.plugins.similarity.FeatureSimilarity;
import dnnc.plugins.support.Parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

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
        Map<FeatureKind, FeatureKey> representatives = representatives(similarities.byKey().keySet());
        Map<FeatureKind, ClusteringAlgorithm.Calibration> calibrations = new LinkedHashMap<>();
        Optional<SettledClustering> settled = context.repeat() > 0
                ? context.get(Slots.SETTLED_CLUSTERING).filter(s -> s.appliesTo(algorithm)) : Optional.empty();
        Map<FeatureKind, KindOutcome> outcomes;
        try (Progress progress = context.progress("clustering " + algorithm.name(), similarities.byKey().size(), "clusterings")) {
            Map<FeatureKind, Future<ClusteringAlgorithm.Calibration>> calibrating = new LinkedHashMap<>();
            for (Map.Entry<FeatureKind, FeatureKey> r : representatives.entrySet()) {
                FeatureKind kind = r.getKey();
                // a repeat reuses the main analysis's settings as they are: no sweep of its own, no fallbacks
                ClusteringAlgorithm.Calibration calibration = settled.map(s -> s.byKind().get(kind))
                        .map(c -> new ClusteringAlgorithm.Calibration(c.algorithm(), null)).orElse(null);
                if (calibration != null) {
                    context.recorder().result("clustering." + kind.id() + ".settings_from", "main analysis");
                    calibrating.put(kind, CompletableFuture.completedFuture(calibration));
                } else {
                    progress.status("settling " + kind.id() + " settings on alpha " + r.getValue().alphaLabel());
                    Matrix representative = similarities.byKey().get(r.getValue()).matrix();
                    // the kinds' sweeps are independent: each on a thread of its own, so the machine's cores are
                    // shared between two sweeps instead of every pass of one sweep split across them
                    calibrating.put(kind, Parallel.alongside(() -> algorithm.calibrate(representative, context.seed(),
                            Progress.statusesTo(progress::status)), "dnnc-calibrate-" + kind.id()));
                }
            }
            calibrating.forEach((kind, calibration) -> calibrations.put(kind, Futures.await(calibration, "settling " + kind.id())));
            Map<FeatureKey, FeatureSimilarity> unitInputs = FeatureSimilarity.of(context.blackboard(), similarities.byKey().keySet());
            outcomes = clusterKinds(calibrations, unitInputs, context.seed(), context.units(), progress);
        }
        Map<FeatureKind, ClusteringAlgorithm.Calibration> settledNow = new LinkedHashMap<>();
        Map<FeatureKey, Clustering> results = new LinkedHashMap<>();
        outcomes.forEach((kind, outcome) -> {
            settledNow.put(kind, new ClusteringAlgorithm.Calibration(outcome.applied().algorithm(), outcome.applied().sweep()));
            recordConvergence(context, kind, outcome);
            outcome.clusterings().forEach((key, c) -> results.put(key,
                    outcome.applied().sweep() != null && key.equals(representatives.get(kind)) ? c.withSweep(outcome.applied().sweep()) : c));
        });
        if (context.repeat() == 0) {
            context.put(Slots.SETTLED_CLUSTERING, new SettledClustering(algorithm.name(), algorithm.parameterValues(), settledNow));
        }
        Map<FeatureKey, NeuronClustering> byKey = new LinkedHashMap<>();
        for (Map.Entry<FeatureKey, SimilarityResult> e : similarities.byKey().entrySet()) {
            Clustering c = results.get(e.getKey());
            NeuronClustering nc = new NeuronClustering(e.getKey(), perNeuron(c.labels(), e.getValue().kept(), layout.total()), c);
            byKey.put(e.getKey(), nc);
            record(context, nc, e.getValue(), layout);
        }
        ClusteringSet set = new ClusteringSet(algorithm.name(), similarities.measure(), similarities.input(), layout, byKey);
        context.put(Slots.CLUSTERINGS, set);
        context.put(Slots.CLUSTERING_ALGORITHM, algorithm);
        ClusterTables.write(context, set);
        PreferenceSweepFigure.write(context, set);
    }

    /**
     * The clusterings of one feature kind, at the settings with which every alpha converged: the calibration's own,
     * else its fallbacks in order; when none converges everywhere, the calibration's own (non-converged alphas are
     * then not reported as findings).
     */
    record KindOutcome(ClusteringAlgorithm.Calibration applied, Map<FeatureKey, Clustering> clusterings, int settingsTried,
                       boolean allConverged) {
    }

    /**
     * Every kind's alphas at its calibration in one batch of units (spread over workers when there are any), then,
     * for a kind where some alpha did not converge, the same alphas at each fallback in turn.
     */
    static Map<FeatureKind, KindOutcome> clusterKinds(Map<FeatureKind, ClusteringAlgorithm.Calibration> calibrations,
                                                      Map<FeatureKey, FeatureSimilarity> similarities, long seed, WorkUnits workUnits,
                                                      Progress progress) {
        Map<FeatureKind, Map<FeatureKey, Clustering>> first = cluster(calibrations, 0, similarities, seed, workUnits, progress);
        Map<FeatureKind, KindOutcome> outcomes = new LinkedHashMap<>();
        calibrations.forEach((kind, calibration) -> {
            KindOutcome outcome = new KindOutcome(calibration, first.get(kind), 1, allConverged(first.get(kind)));
            List<ClusteringAlgorithm.Calibration> fallbacks = calibration.fallbacks();
            for (int i = 0; i < fallbacks.size() && !outcome.allConverged(); i++) {
                progress.status(kind.id() + ": not every alpha converged; fallback " + (i + 1) + " of " + fallbacks.size());
                Map<FeatureKey, Clustering> clusterings = cluster(Map.of(kind, fallbacks.get(i)), i + 1, similarities, seed,
                        workUnits, Progress.statusesTo(progress::status)).get(kind);
                outcome = allConverged(clusterings) ? new KindOutcome(fallbacks.get(i), clusterings, i + 2, true)
                        : new KindOutcome(outcome.applied(), outcome.clusterings(), i + 2, false);
            }
            outcomes.put(kind, outcome);
        });
        return outcomes;
    }

    private static Map<FeatureKind, Map<FeatureKey, Clustering>> cluster(Map<FeatureKind, ClusteringAlgorithm.Calibration> settings,
                                                                         int attempt, Map<FeatureKey, FeatureSimilarity> similarities, long seed,
                                                                         WorkUnits workUnits, Progress progress) {
        List<WorkUnit<?, Clustering>> units = new ArrayList<>();
        List<FeatureKey> keys = new ArrayList<>();
        similarities.forEach((key, similarity) -> {
            if (settings.containsKey(key.kind())) {
                keys.add(key);
                units.add(new WorkUnit<>(settings.get(key.kind()).algorithm(), new ClusteringUnit(key, attempt, similarity, seed)));
            }
        });
        Iterator<Clustering> computed = workUnits.compute(units, progress).iterator();
        Map<FeatureKind, Map<FeatureKey, Clustering>> byKind = new LinkedHashMap<>();
        for (FeatureKey key : keys) {
            byKind.computeIfAbsent(key.kind(), k -> new LinkedHashMap<>()).put(key, computed.next());
        }
        return byKind;
    }

    private static boolean allConverged(Map<FeatureKey, Clustering> clusterings) {
        return clusterings.values().stream().allMatch(Clustering::converged);
    }

    /** How the kind's settings were reached, and the one line a report gives when some alpha never converged. */
    private static void recordConvergence(RunContext context, FeatureKind kind, KindOutcome outcome) {
        String prefix = "clustering." + kind.id() + ".";
        context.recorder().result(prefix + "settings_tried", outcome.settingsTried());
        long converged = outcome.clusterings().values().stream().filter(Clustering::converged).count();
        context.recorder().result(prefix + "converged", converged + "/" + outcome.clusterings().size());
        if (!outcome.allConverged()) {
            List<String> failed = outcome.clusterings().entrySet().stream().filter(e -> !e.getValue().converged())
                    .map(e -> e.getKey().alphaText()).toList();
            String tried = outcome.clusterings().values().stream().filter(c -> !c.converged())
                    .map(c -> String.valueOf(c.facts().getOrDefault("tried", c.iterations() + " iterations"))).findFirst().orElse("");
            context.recorder().result(prefix + "not_converged", kind.id() + " clustering did not converge at alpha "
                    + String.join(", ", failed) + " with any of " + outcome.settingsTried() + " settings tried (each with " + tried + ")");
        }
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
        c.facts().forEach((name, value) -> context.recorder().result(prefix + "." + name, value));
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

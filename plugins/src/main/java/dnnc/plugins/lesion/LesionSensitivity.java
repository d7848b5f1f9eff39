package dnnc.plugins.lesion;

import dnnc.api.Analysis;
import dnnc.api.Clustering;
import dnnc.api.ClusteringAlgorithm;
import dnnc.api.ClusteringSet;
import dnnc.api.ConditionalGenerator;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.ImageClassifier;
import dnnc.api.LesionCriterion;
import dnnc.api.LesionDesign;
import dnnc.api.NeuronClustering;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.PreferenceSweep;
import dnnc.api.Progress;
import dnnc.api.RunContext;
import dnnc.api.SimilarityResult;
import dnnc.api.SimilaritySet;
import dnnc.api.Slots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How much the critical set depends on the clustering's granularity (the study's hand-chosen preference was its
 * main weakness): re-clusters every similarity of the run with the workflow's own clustering plugin at other
 * preferences along its kind's sweep (spread over the range where the sweep converged with 2 to n/2 clusters, from
 * the coarsest to the finest), re-runs the lesion study with the workflow's own lesion criterion and design on each
 * alternative and on the run's own clustering (alternative 0), and draws the critical set's size and damage against
 * the number of clusters (figures 4.2 and 4.3; findings.sensitivity). Only a clustering plugin with a preference to
 * move (affinity propagation) gives alternatives. Costly: each alternative is a full clustering and lesion study.
 */
@PluginInfo(name = "lesion-sensitivity", description = "critical set size and damage against the number of clusters, "
        + "re-clustering with the workflow's clustering plugin at other preferences of its sweep")
public final class LesionSensitivity implements Analysis {
    @Param(description = "alternative clusterings, spread over each sweep's non-trivial preferences", min = 1, max = 20)
    private int alternatives = 5;

    @Param(description = "seed of the clusterings and lesion draws; -1 takes the lesion step's own", min = -1)
    private long seed = -1;

    @Override
    public void analyse(RunContext context) {
        String who = "analysis '" + name() + "'";
        SimilaritySet similarities = context.require(Slots.SIMILARITIES, who);
        ClusteringSet chosen = context.require(Slots.CLUSTERINGS, who);
        ClusteringAlgorithm algorithm = context.require(Slots.CLUSTERING_ALGORITHM, who);
        LesionCriterion criterion = context.require(Slots.LESION_CRITERION, who);
        ConditionalGenerator model = context.require(Slots.MODEL, who);
        LesionDesign design = criterion.design(context.seed());
        long runSeed = seed >= 0 ? seed : design.seed();
        ImageClassifier judge = criterion.needsJudge() ? context.require(Slots.JUDGE, who) : context.get(Slots.JUDGE).orElse(null);
        LesionStudy study = new LesionStudy(model.decoder(), model.inputs(), model.imageRows(), model.imageCols(), criterion,
                judge, design.withSeed(runSeed));
        // set 0 is the run's own clustering, re-tested with this study's draws so that every point is comparable
        List<ClusteringSet> sets = new ArrayList<>(List.of(chosen));
        Map<FeatureKind, double[]> grids = preferenceGrids(chosen);
        try (Progress progress = context.progress("lesion sensitivity: re-clustering", (long) alternatives * chosen.byKey().size(), "clusterings")) {
            for (int a = 0; a < alternatives; a++) {
                ClusteringSet alternative = alternative(a, grids, chosen, similarities, algorithm, runSeed, progress);
                if (!alternative.byKey().isEmpty()) {
                    sets.add(alternative); // none of its clusterings converged: nothing to lesion
                }
            }
        }
        List<SensitivityAnalysis.Point> points;
        long units = sets.stream().mapToLong(LesionStudy::progressUnits).sum();
        try (Progress progress = context.progress("lesion sensitivity: lesions", units, "clusterings")) {
            points = SensitivityAnalysis.run(study, sets, context.get(Slots.ATTRIBUTION).orElse(null), progress);
        }
        SensitivityAnalysis.write(context, points, criterion.passFail() ? "failure rate" : "mean damage");
    }
    /**
     * The a-th alternative: every clustering redone at the a-th preference of its feature kind's grid (see
     * {@link #alternativePreferences}); the sweep was made once per kind, on the middle alpha, so its grid serves
     * every alpha of that kind, as the chosen preference does.
     */
    private static ClusteringSet alternative(int a, Map<FeatureKind, double[]> grids, ClusteringSet chosen, SimilaritySet similarities,
                                             ClusteringAlgorithm algorithm, long runSeed, Progress progress) {
        Map<FeatureKey, NeuronClustering> byKey = new LinkedHashMap<>();
        for (NeuronClustering nc : chosen.byKey().values()) {
            SimilarityResult similarity = similarities.byKey().get(nc.key());
            progress.advance(1);
            double[] grid = grids.getOrDefault(nc.key().kind(), new double[0]);
            Optional<ClusteringAlgorithm> atPreference = grid.length == 0 ? Optional.empty() : algorithm.atPreference(grid[a]);
            if (similarity == null || atPreference.isEmpty()) {
                continue;
            }
            Clustering c = atPreference.get().cluster(similarity.matrix(), runSeed, Progress.silent());
            if (c.converged()) {
                byKey.put(nc.key(), new NeuronClustering(nc.key(), spread(c.labels(), similarity.kept(), nc.labels().length), c));
            }
        }
        return new ClusteringSet(chosen.algorithm(), chosen.measure(), chosen.input(), chosen.layout(), byKey);
    }

    /** Per feature kind, the preferences of its alternatives, from the one clustering of that kind that carries the sweep. */
    private Map<FeatureKind, double[]> preferenceGrids(ClusteringSet chosen) {
        Map<FeatureKind, double[]> grids = new LinkedHashMap<>();
        for (NeuronClustering nc : chosen.byKey().values()) {
            if (nc.clustering().sweep() != null && !grids.containsKey(nc.key().kind())) {
                int clustered = (int) Arrays.stream(nc.labels()).filter(l -> l >= 0).count();
                grids.put(nc.key().kind(), alternativePreferences(nc.clustering().sweep(), clustered, alternatives));
            }
        }
        return grids;
    }

    /**
     * {@code count} preferences spread evenly, on the sweep's own scale (log of the distance to the largest
     * preference p_max), over the range where the sweep converged with 2 to n/2 clusters; coarsest first.
     * Empty when the sweep has no such point.
     */
    static double[] alternativePreferences(PreferenceSweep sweep, int n, int count) {
        double[] usable = usablePreferences(sweep, n);
        if (usable.length == 0) {
            return new double[0];
        }
        double pMax = Arrays.stream(sweep.preferences()).max().orElseThrow();
        double far = pMax - usable[0];
        double near = pMax - usable[usable.length - 1];
        if (near <= 0) {
            near = far * 1e-3;
        }
        double[] grid = new double[count];
        for (int i = 0; i < count; i++) {
            grid[i] = count == 1 ? usable[0] : pMax - far * Math.pow(near / far, (double) i / (count - 1));
        }
        return grid;
    }

    /** Converged sweep preferences giving 2 to n/2 clusters, in increasing order. */
    static double[] usablePreferences(PreferenceSweep sweep, int n) {
        List<Double> usable = new ArrayList<>();
        for (int i = 0; i < sweep.preferences().length; i++) {
            int count = sweep.clusterCounts()[i];
            if (sweep.converged()[i] && count >= 2 && 2 * count <= n) {
                usable.add(sweep.preferences()[i]);
            }
        }
        return usable.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** Labels of the kept (non-constant) neurons placed among all neurons; the rest -1. */
    private static int[] spread(int[] keptLabels, int[] kept, int neurons) {
        int[] labels = new int[neurons];
        Arrays.fill(labels, -1);
        for (int k = 0; k < kept.length; k++) {
            labels[kept[k]] = keptLabels[k];
        }
        return labels;
    }
}

package dnnc.plugins.report;

import dnnc.api.Clustering;
import dnnc.api.ClusteringSet;
import dnnc.api.ConditionalGenerator;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.ImageClassifier;
import dnnc.api.NeuronClustering;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.PreferenceSweep;
import dnnc.api.Progress;
import dnnc.api.Reporter;
import dnnc.api.RunContext;
import dnnc.api.SimilarityResult;
import dnnc.api.SimilaritySet;
import dnnc.api.Slots;
import dnnc.plugins.clustering.AffinityPropagation;
import dnnc.plugins.lesion.JudgeCriterion;
import dnnc.plugins.lesion.LesionSettings;
import dnnc.plugins.lesion.LesionStudy;
import dnnc.plugins.lesion.PixelBceCriterion;
import dnnc.plugins.lesion.SensitivityAnalysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much the critical set depends on the clustering's granularity (the study's hand-chosen preference was its
 * main weakness): re-clusters every similarity of the run at other preferences along its kind's sweep (spread
 * over the range where the sweep converged with 2 to n/2 clusters, from the coarsest to the finest), re-runs the lesion study on each
 * alternative and on the run's own clustering (alternative 0), and draws the critical set's size and damage
 * against the number of clusters
 * (lesion_sensitivity_size.png, lesion_sensitivity_damage.png; findings.sensitivity). Costly: each alternative
 * is a full clustering and lesion study, so the study workflow runs it only when asked (sensitivity=on).
 */
@PluginInfo(name = "lesion-sensitivity", description = "critical set size and damage against the number of clusters, over alternative preferences of each affinity-propagation sweep")
public final class LesionSensitivityReporter implements Reporter {
    @Param(description = "alternative clusterings, spread over each sweep's non-trivial preferences", min = 1, max = 20)
    private int alternatives = 5;

    @Param(description = "lesion criterion of the re-run lesion studies", allowed = {"judge", "pixel-bce"})
    private String criterion = "judge";

    @Param(description = "draws of the other latents per alpha in every lesion evaluation", min = 2)
    private int draws = 20;

    @Param(description = "random lesions in each significance test", min = 19)
    private int randomLesions = 100;

    @Param(description = "class the decoder is asked to draw", min = 0)
    private int target = 5;

    @Param(description = "seed of the clusterings and lesion draws; -1 takes the run's seed", min = -1)
    private long seed = -1;

    @Override
    public void report(RunContext context) {
        String who = "report '" + name() + "'";
        SimilaritySet similarities = context.require(Slots.SIMILARITIES, who);
        ClusteringSet chosen = context.require(Slots.CLUSTERINGS, who);
        ConditionalGenerator model = context.require(Slots.MODEL, who);
        long runSeed = seed >= 0 ? seed : context.seed();
        LesionSettings lesionTest = criterion.equals("judge") ? new JudgeCriterion() : new PixelBceCriterion();
        lesionTest.configure(Map.of("draws", Integer.toString(draws), "random-lesions", Integer.toString(randomLesions),
                "target", Integer.toString(target)));
        ImageClassifier judge = lesionTest.needsJudge() ? context.require(Slots.JUDGE, who) : context.get(Slots.JUDGE).orElse(null);
        LesionStudy study = new LesionStudy(model.decoder(), model.inputs(), model.imageRows(), model.imageCols(), lesionTest,
                judge, lesionTest.design(runSeed));
        // set 0 is the run's own clustering, re-tested with this study's draws so that every point is comparable
        List<ClusteringSet> sets = new ArrayList<>(List.of(chosen));
        Map<FeatureKind, double[]> grids = preferenceGrids(chosen);
        try (Progress progress = context.progress("lesion sensitivity: re-clustering", (long) alternatives * chosen.byKey().size(), "clusterings")) {
            for (int a = 0; a < alternatives; a++) {
                sets.add(alternative(a, grids, chosen, similarities, runSeed, progress));
            }
        }
        List<SensitivityAnalysis.Point> points;
        long units = sets.stream().mapToLong(LesionStudy::progressUnits).sum();
        try (Progress progress = context.progress("lesion sensitivity: lesions", units, "clusterings")) {
            points = SensitivityAnalysis.run(study, sets, context.get(Slots.ATTRIBUTION).orElse(null), progress);
        }
        SensitivityAnalysis.write(context, points, lesionTest.needsJudge() ? "failure rate" : "mean pixel BCE");
    }

    /**
     * The a-th alternative: every clustering redone at the a-th preference of its feature kind's grid (see
     * {@link #alternativePreferences}); the sweep was made once per kind, on the middle alpha, so its grid serves
     * every alpha of that kind, as the chosen preference does.
     */
    private ClusteringSet alternative(int a, Map<FeatureKind, double[]> grids, ClusteringSet chosen, SimilaritySet similarities,
                                      long runSeed, Progress progress) {
        Map<FeatureKey, NeuronClustering> byKey = new LinkedHashMap<>();
        for (NeuronClustering nc : chosen.byKey().values()) {
            SimilarityResult similarity = similarities.byKey().get(nc.key());
            progress.advance(1);
            double[] grid = grids.getOrDefault(nc.key().kind(), new double[0]);
            if (similarity == null || grid.length == 0) {
                continue;
            }
            Clustering c = clusterWithDampingLadder(similarity, grid[a], runSeed);
            if (c.converged()) {
                byKey.put(nc.key(), new NeuronClustering(nc.key(), spread(c.labels(), similarity.kept(), nc.labels().length), c));
            }
        }
        return new ClusteringSet(chosen.algorithm(), chosen.measure(), chosen.input(), chosen.layout(), byKey);
    }

    /** Affinity propagation at a fixed preference, retried with damping 0.7 and 0.9 while it does not converge, as the sweep does. */
    private static Clustering clusterWithDampingLadder(SimilarityResult similarity, double preference, long seed) {
        Clustering c = null;
        for (String damping : List.of("0.5", "0.7", "0.9")) {
            AffinityPropagation ap = new AffinityPropagation();
            ap.configure(Map.of("preference", Double.toString(preference), "damping", damping));
            c = ap.cluster(similarity.matrix(), seed, Progress.silent());
            if (c.converged()) {
                break;
            }
        }
        return c;
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

package dnnc.plugins.report;

import dnnc.api.Clustering;
import dnnc.api.ClusteringSet;
import dnnc.api.ConditionalGenerator;
import dnnc.api.FeatureKey;
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
import dnnc.plugins.support.DeclaredPlugin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much the critical set depends on the clustering's granularity (the study's hand-chosen preference was its
 * main weakness): re-clusters every similarity of the run at other preferences of its own sweep (converged points
 * with between 2 and n/2 clusters, spread from the coarsest to the finest), re-runs the lesion study on each
 * alternative and draws the critical set's size and damage against the number of clusters
 * (lesion_sensitivity_size.png, lesion_sensitivity_damage.png; findings.sensitivity). Costly: each alternative
 * is a full clustering and lesion study, so the study workflow runs it only when asked (sensitivity=on).
 */
@PluginInfo(name = "lesion-sensitivity", description = "critical set size and damage against the number of clusters, over alternative preferences of each affinity-propagation sweep")
public final class LesionSensitivityReporter extends DeclaredPlugin implements Reporter {
    @Param(description = "alternative clusterings, spread over each sweep's non-trivial preferences", min = 1, max = 20)
    private int alternatives = 3;

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
                judge, lesionTest.settings(runSeed));
        List<ClusteringSet> sets = new ArrayList<>();
        try (Progress progress = context.progress("lesion sensitivity: re-clustering", (long) alternatives * chosen.byKey().size(), "clusterings")) {
            for (int a = 0; a < alternatives; a++) {
                sets.add(alternative(a, chosen, similarities, runSeed, progress));
            }
        }
        List<SensitivityAnalysis.Point> points;
        try (Progress progress = context.progress("lesion sensitivity: lesions", alternatives * LesionStudy.progressUnits(chosen), "clusterings")) {
            points = SensitivityAnalysis.run(study, sets, context.get(Slots.ATTRIBUTION).orElse(null), progress);
        }
        SensitivityAnalysis.write(context, points, lesionTest.needsJudge() ? "failure rate" : "mean pixel BCE");
    }

    /** The a-th alternative: every clustering redone at the a-th of its sweep's usable preferences. */
    private ClusteringSet alternative(int a, ClusteringSet chosen, SimilaritySet similarities, long runSeed, Progress progress) {
        Map<FeatureKey, NeuronClustering> byKey = new LinkedHashMap<>();
        for (NeuronClustering nc : chosen.byKey().values()) {
            SimilarityResult similarity = similarities.byKey().get(nc.key());
            PreferenceSweep sweep = nc.clustering().sweep();
            progress.advance(1);
            if (similarity == null || sweep == null) {
                continue;
            }
            double[] usable = usablePreferences(sweep, similarity.kept().length);
            if (usable.length == 0) {
                continue;
            }
            double preference = usable[alternatives == 1 ? 0 : (int) Math.round((double) a * (usable.length - 1) / (alternatives - 1))];
            AffinityPropagation ap = new AffinityPropagation();
            ap.configure(Map.of("preference", Double.toString(preference)));
            Clustering c = ap.cluster(similarity.matrix(), runSeed, Progress.silent());
            if (c.converged()) {
                byKey.put(nc.key(), new NeuronClustering(nc.key(), spread(c.labels(), similarity.kept(), nc.labels().length), c));
            }
        }
        return new ClusteringSet(chosen.algorithm(), chosen.measure(), chosen.input(), chosen.layout(), byKey);
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

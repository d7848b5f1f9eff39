package dnnc.plugins.lesion;

import dnnc.api.FeatureKey;
import dnnc.api.Lesion;
import dnnc.api.LesionDesign;
import dnnc.api.NeuronClustering;
import dnnc.api.NeuronLayout;
import dnnc.api.SeedRule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Finds the important cluster of one clustering. Every cluster is lesioned and ranked by damage; the
 * {@code tested} most damaging are each compared with {@code R} random lesions of the same per-layer counts drawn
 * from the clustered neurons; their p-values are Holm-adjusted over the tested clusters. The important cluster is
 * the most damaging one when its adjusted p-value is below the significance level. With a hidden-only scope,
 * clusters are reduced to their hidden neurons (clusters without any are dropped) and so are the random pools.
 */
public final class ClusterLesionTest {
    /** The outcome for one clustering: every cluster by decreasing damage, and the important one (or null). */
    public record Outcome(FeatureKey key, List<TestedLesion> byDamage, TestedLesion important) implements java.io.Serializable {
    }

    private final LesionScorer scorer;
    private final LesionDesign settings;

    public ClusterLesionTest(LesionScorer scorer, LesionDesign settings) {
        this.scorer = scorer;
        this.settings = settings;
    }

    public Outcome run(NeuronClustering clustering, NeuronLayout layout) {
        int[] labelsInScope = settings.inScope(clustering.labels(), layout);
        Map<Integer, int[]> members = clusters(labelsInScope);
        List<Integer> labels = new ArrayList<>(members.keySet());
        List<LesionScorer.Scored> scored = scorer.score(labels.stream()
                .map(c -> Lesion.ofGlobal(layout, members.get(c))).toList());
        Integer[] order = IntStream.range(0, labels.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scored.get(i).damage()).thenComparing(labels::get))
                .toArray(Integer[]::new);
        int tested = Math.min(settings.testedClusters(), labels.size());
        RandomLesions random = new RandomLesions(layout, IntStream.range(0, labelsInScope.length)
                .filter(g -> labelsInScope[g] >= 0).toArray());
        double[][] nulls = new double[tested][];
        List<List<double[]>> nullRows = new ArrayList<>();
        double[] p = new double[tested];
        for (int t = 0; t < tested; t++) {
            int label = labels.get(order[t]);
            Lesion observed = Lesion.ofGlobal(layout, members.get(label));
            long seed = SeedRule.derive(settings.seed(), clustering.key().kind().id(), clustering.key().alpha(), label);
            List<LesionScorer.Scored> controls = scorer.damagesOnly(Arrays.asList(random.matching(observed, settings.randomLesions(), seed)));
            nulls[t] = controls.stream().mapToDouble(LesionScorer.Scored::damage).toArray();
            nullRows.add(controls.stream().map(LesionScorer.Scored::damages).toList());
            p[t] = Significance.pValue(scored.get(order[t]).damage(), nulls[t]);
        }
        double[] adjusted = Significance.holm(p);
        boolean passFail = scorer.criterion().passFail();
        List<TestedLesion> byDamage = new ArrayList<>();
        for (int rank = 0; rank < order.length; rank++) {
            int label = labels.get(order[rank]);
            int[] neurons = members.get(label);
            LesionScorer.Scored s = scored.get(order[rank]);
            boolean isTested = rank < tested;
            byDamage.add(new TestedLesion(label, neurons, hiddenCount(layout, neurons), s, isTested,
                    isTested ? p[rank] : Double.NaN, isTested ? adjusted[rank] : Double.NaN,
                    Significance.failureRate(passFail, s.damages(), isTested ? nullRows.get(rank) : List.of(), settings.significance()),
                    isTested ? nulls[rank] : new double[0]));
        }
        TestedLesion important = !byDamage.isEmpty() && byDamage.get(0).adjustedP() < settings.significance() ? byDamage.get(0) : null;
        return new Outcome(clustering.key(), byDamage, important);
    }

    /** Global neuron numbers of each cluster label >= 0, in increasing label order. */
    static Map<Integer, int[]> clusters(int[] labels) {
        Map<Integer, List<Integer>> lists = new TreeMap<>();
        for (int g = 0; g < labels.length; g++) {
            if (labels[g] >= 0) {
                lists.computeIfAbsent(labels[g], k -> new ArrayList<>()).add(g);
            }
        }
        Map<Integer, int[]> members = new TreeMap<>();
        lists.forEach((label, list) -> members.put(label, list.stream().mapToInt(Integer::intValue).toArray()));
        return members;
    }

    static int hiddenCount(NeuronLayout layout, int[] neurons) {
        return (int) Arrays.stream(neurons).filter(layout::isHidden).count();
    }
}

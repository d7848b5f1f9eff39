package dnnc.plugins.report;

import dnnc.api.ClusterLesion;
import dnnc.api.ClusteringSet;
import dnnc.api.CriticalSet;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.LesionFindings;
import dnnc.api.NeuronClustering;
import dnnc.plugins.lesion.Repeatability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The analysis repeated over seeds (the main analysis, then each repeat of the run's loop): per feature kind and
 * alpha, how alike the seeds' clusterings are (mean pairwise adjusted Rand index) and the spread of cluster counts
 * and important-cluster sizes; per alpha, the spread of the critical set's size, hidden size and damage, and in how
 * many seeds its lesion was significant.
 */
record RepeatabilitySummary(int seeds, Map<FeatureKey, PerClustering> clusterings, Map<Double, PerAlpha> critical) {

    /** Over seeds: the ARI, the converged cluster counts, the sizes of the significant important cluster. */
    record PerClustering(double ari, int[] clusterCounts, int[] importantSizes) {
    }

    /** Over the seeds that had a critical set at this alpha. */
    record PerAlpha(int[] sizes, int[] hidden, double[] damages, int significant, int present) {
    }

    static RepeatabilitySummary of(List<ClusteringSet> clusteringHistory, List<LesionFindings> lesionHistory, double significance) {
        Map<FeatureKey, Double> ari = Repeatability.meanPairwiseAri(clusteringHistory);
        Map<FeatureKey, PerClustering> perKey = new LinkedHashMap<>();
        TreeSet<FeatureKey> keys = new TreeSet<>(java.util.Comparator.comparing((FeatureKey k) -> k.kind()).thenComparingDouble(FeatureKey::alpha));
        clusteringHistory.forEach(s -> keys.addAll(s.byKey().keySet()));
        for (FeatureKey key : keys) {
            List<Integer> counts = new ArrayList<>();
            for (ClusteringSet set : clusteringHistory) {
                NeuronClustering nc = set.byKey().get(key);
                if (nc != null && nc.clustering().converged()) {
                    counts.add(nc.clustering().clusterCount());
                }
            }
            List<Integer> important = new ArrayList<>();
            for (LesionFindings f : lesionHistory) {
                ClusterLesion c = f.important().get(key);
                if (c != null) {
                    important.add(c.neurons().length);
                }
            }
            perKey.put(key, new PerClustering(ari.getOrDefault(key, Double.NaN), ints(counts), ints(important)));
        }
        Map<Double, List<CriticalSet>> byAlpha = new java.util.TreeMap<>();
        lesionHistory.forEach(f -> f.critical().forEach((alpha, c) -> byAlpha.computeIfAbsent(alpha, a -> new ArrayList<>()).add(c)));
        Map<Double, PerAlpha> critical = new LinkedHashMap<>();
        byAlpha.forEach((alpha, sets) -> critical.put(alpha, new PerAlpha(
                sets.stream().mapToInt(c -> c.neurons().length).toArray(),
                sets.stream().mapToInt(CriticalSet::hidden).toArray(),
                sets.stream().mapToDouble(CriticalSet::damage).toArray(),
                (int) sets.stream().filter(c -> c.neurons().length > 0 && c.pValue() < significance).count(),
                sets.size())));
        return new RepeatabilitySummary(Math.max(clusteringHistory.size(), lesionHistory.size()), perKey, critical);
    }

    /** Alphas present in any clustering, in order. */
    List<Double> alphas() {
        TreeSet<Double> alphas = new TreeSet<>();
        clusterings.keySet().forEach(k -> alphas.add(k.alpha()));
        alphas.addAll(critical.keySet());
        return new ArrayList<>(alphas);
    }

    PerClustering at(FeatureKind kind, double alpha) {
        return clusterings.get(new FeatureKey(kind, alpha));
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}

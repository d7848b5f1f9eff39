package dnnc.plugins.report;

import dnnc.api.ClusterLesion;
import dnnc.api.ClusteringSet;
import dnnc.api.CriticalSet;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.LesionFindings;
import dnnc.api.NeuronClustering;
import dnnc.api.Partition;
import dnnc.plugins.lesion.ClusterStability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The analysis repeated over seeds (the main analysis, then each repeat of the run's loop). Per feature kind and
 * alpha: how alike the seeds' clusterings are (adjusted Rand index of every pair of seeds: mean, lowest, highest),
 * which clusters of the main analysis are stable (lesion package: a best match with Jaccard index >= 0.5 in every
 * other seed) and whether the important cluster is among them, and the spread of cluster counts and important-cluster
 * sizes. Per alpha: the critical set's size, hidden size and damage over seeds, whether it fails in each seed, and how
 * alike the seeds' sets are (Jaccard index of every pair).
 */
record RepeatabilitySummary(int seeds, Map<FeatureKey, PerClustering> clusterings, Map<Double, PerAlpha> critical) {

    /**
     * Over seeds: ARI of every pair of converged clusterings, the converged cluster counts, the sizes of the significant
     * important cluster; the main analysis's clusters matched in the other seeds, and the important cluster's match.
     */
    record PerClustering(double[] pairwiseAri, int[] clusterCounts, int[] importantSizes, List<ClusterStability.Match> matches,
                         ClusterStability.Match important) {
        double ari() {
            return java.util.Arrays.stream(pairwiseAri).average().orElse(Double.NaN);
        }

        long stableClusters() {
            return matches.stream().filter(ClusterStability.Match::stable).count();
        }

        int stableNeurons() {
            return matches.stream().filter(ClusterStability.Match::stable).mapToInt(ClusterStability.Match::size).sum();
        }
    }

    /**
     * Over the seeds that had a critical set at this alpha, in seed order: sizes, hidden sizes, damages, whether its
     * lesion failed (was significant), and the Jaccard index of every pair of non-empty sets.
     */
    record PerAlpha(int[] sizes, int[] hidden, double[] damages, boolean[] fails, double[] pairwiseJaccard) {
        int significant() {
            int n = 0;
            for (boolean f : fails) {
                n += f ? 1 : 0;
            }
            return n;
        }

        int present() {
            return sizes.length;
        }
    }

    static RepeatabilitySummary of(List<ClusteringSet> clusteringHistory, List<LesionFindings> lesionHistory, double significance) {
        Map<FeatureKey, PerClustering> perKey = new LinkedHashMap<>();
        TreeSet<FeatureKey> keys = new TreeSet<>(java.util.Comparator.comparing((FeatureKey k) -> k.kind()).thenComparingDouble(FeatureKey::alpha));
        clusteringHistory.forEach(s -> keys.addAll(s.byKey().keySet()));
        for (FeatureKey key : keys) {
            List<int[]> converged = new ArrayList<>(); // labels of the seeds whose clustering converged, main analysis first
            List<Integer> counts = new ArrayList<>();
            for (ClusteringSet set : clusteringHistory) {
                NeuronClustering nc = set.byKey().get(key);
                if (nc != null && nc.clustering().converged()) {
                    converged.add(nc.labels());
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
            perKey.put(key, new PerClustering(pairwiseAri(converged), ints(counts), ints(important), mainMatches(key, clusteringHistory),
                    importantMatch(key, clusteringHistory, lesionHistory)));
        }
        Map<Double, List<CriticalSet>> byAlpha = new java.util.TreeMap<>();
        lesionHistory.forEach(f -> f.critical().forEach((alpha, c) -> byAlpha.computeIfAbsent(alpha, a -> new ArrayList<>()).add(c)));
        Map<Double, PerAlpha> critical = new LinkedHashMap<>();
        byAlpha.forEach((alpha, sets) -> {
            boolean[] fails = new boolean[sets.size()];
            for (int i = 0; i < fails.length; i++) {
                fails[i] = sets.get(i).neurons().length > 0 && sets.get(i).pValue() < significance;
            }
            List<Double> jaccards = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                for (int j = i + 1; j < sets.size(); j++) {
                    double jac = ClusterStability.jaccard(sets.get(i).neurons(), sets.get(j).neurons());
                    if (Double.isFinite(jac)) {
                        jaccards.add(jac);
                    }
                }
            }
            critical.put(alpha, new PerAlpha(sets.stream().mapToInt(c -> c.neurons().length).toArray(),
                    sets.stream().mapToInt(CriticalSet::hidden).toArray(), sets.stream().mapToDouble(CriticalSet::damage).toArray(),
                    fails, jaccards.stream().mapToDouble(Double::doubleValue).toArray()));
        });
        return new RepeatabilitySummary(Math.max(clusteringHistory.size(), lesionHistory.size()), perKey, critical);
    }

    private static double[] pairwiseAri(List<int[]> labelings) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < labelings.size(); i++) {
            for (int j = i + 1; j < labelings.size(); j++) {
                values.add(new Partition(labelings.get(i)).adjustedRandIndex(new Partition(labelings.get(j))));
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The main analysis's clusters matched in every repeat's clustering; empty unless all of them converged. */
    private static List<ClusterStability.Match> mainMatches(FeatureKey key, List<ClusteringSet> history) {
        List<int[]> others = otherLabels(key, history);
        return others == null ? List.of() : ClusterStability.matches(history.get(0).byKey().get(key).labels(), others);
    }

    /** The main analysis's important cluster matched in every repeat's clustering, or null. */
    private static ClusterStability.Match importantMatch(FeatureKey key, List<ClusteringSet> history, List<LesionFindings> lesions) {
        List<int[]> others = otherLabels(key, history);
        ClusterLesion important = lesions.isEmpty() ? null : lesions.get(0).important().get(key);
        if (others == null || important == null) {
            return null;
        }
        double[] jaccards = others.stream().mapToDouble(labels -> ClusterStability.bestMatchJaccard(important.neurons(), labels)).toArray();
        return new ClusterStability.Match(important.cluster(), important.neurons().length, jaccards);
    }

    private static List<int[]> otherLabels(FeatureKey key, List<ClusteringSet> history) {
        if (history.size() < 2) {
            return null;
        }
        List<int[]> labels = new ArrayList<>();
        for (ClusteringSet set : history) {
            NeuronClustering nc = set.byKey().get(key);
            if (nc == null || !nc.clustering().converged()) {
                return null;
            }
            labels.add(nc.labels());
        }
        return labels.subList(1, labels.size());
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

package dnnc.plugins.lesion;

import dnnc.api.AttributionResult;
import dnnc.api.ClusteringSet;
import dnnc.api.CriticalSet;
import dnnc.api.Partition;
import dnnc.api.FeatureKey;
import dnnc.api.LesionFindings;
import dnnc.api.NeuronClustering;
import dnnc.api.Progress;
import dnnc.api.Recorder;
import dnnc.api.RunContext;
import dnnc.api.SeedRule;
import dnnc.api.Slots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The analysis over K seeds: per-seed findings from per-seed clusterings (attribution and clustering re-run
 * with other seeds by the caller), how stable the clusterings are (mean pairwise adjusted Rand index per
 * clustering key) and the range of the critical set's size and damage per alpha.
 */
public final class Repeatability {
    private Repeatability() {
    }

    /**
     * Lesion findings for each seed's clusterings; seed k's lesion draws use a seed derived from the study's
     * seed and k. {@code attributions} may be null or hold null entries (then neurons are dropped by number).
     */
    public static List<LesionStudy.Result> perSeed(LesionStudy study, List<ClusteringSet> clusterings,
                                                   List<AttributionResult> attributions, Progress progress) {
        List<LesionStudy.Result> results = new ArrayList<>();
        for (int k = 0; k < clusterings.size(); k++) {
            AttributionResult attribution = attributions == null ? null : attributions.get(k);
            LesionStudy seeded = study.withSettings(study.settings().withSeed(SeedRule.derive(study.settings().seed(), "repeat", k)));
            results.add(seeded.run(clusterings.get(k), attribution, progress));
        }
        return results;
    }

    /** Mean adjusted Rand index over all pairs of seeds, per clustering key present in every set. */
    public static Map<FeatureKey, Double> meanPairwiseAri(List<ClusteringSet> clusterings) {
        Map<FeatureKey, Double> ari = new LinkedHashMap<>();
        if (clusterings.size() < 2) {
            return ari;
        }
        for (FeatureKey key : clusterings.get(0).byKey().keySet()) {
            double sum = 0;
            int pairs = 0;
            boolean everywhere = true;
            for (int i = 0; i < clusterings.size() && everywhere; i++) {
                NeuronClustering a = clusterings.get(i).byKey().get(key);
                for (int j = i + 1; j < clusterings.size() && a != null; j++) {
                    NeuronClustering b = clusterings.get(j).byKey().get(key);
                    if (b == null) {
                        everywhere = false;
                        break;
                    }
                    sum += new Partition(a.labels()).adjustedRandIndex(new Partition(b.labels()));
                    pairs++;
                }
                everywhere &= a != null;
            }
            if (everywhere) {
                ari.put(key, sum / pairs);
            }
        }
        return ari;
    }

    /**
     * Records min/max over seeds of each alpha's critical size, hidden size, minimal size, damage and p-value,
     * and in how many seeds the critical set was significant, under {@code prefix}.
     */
    public static void recordRanges(Recorder recorder, String prefix, List<LesionFindings> perSeed, double significance) {
        recorder.result(prefix + ".seeds", perSeed.size());
        Map<Double, List<CriticalSet>> byAlpha = new TreeMap<>();
        for (LesionFindings f : perSeed) {
            f.critical().forEach((alpha, c) -> byAlpha.computeIfAbsent(alpha, a -> new ArrayList<>()).add(c));
        }
        byAlpha.forEach((alpha, sets) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            range(v, "size", sets, c -> c.neurons().length);
            range(v, "hidden", sets, CriticalSet::hidden);
            range(v, "minimal_size", sets, c -> c.minimalNeurons().length);
            range(v, "damage", sets, CriticalSet::damage);
            range(v, "p_value", sets, CriticalSet::pValue);
            v.put("significant", sets.stream().filter(c -> c.pValue() < significance).count());
            recorder.result(prefix + ".critical." + FeatureKey.alphaLabel(alpha), v);
        });
    }

    /**
     * When the run has repeated the analysis (attribution and clustering with other seeds), records the
     * clusterings' mean pairwise ARI and the critical-set ranges over every repeat so far; the last repeat's
     * record covers all of them.
     */
    public static void recordRunRepeats(RunContext context, double significance) {
        List<ClusteringSet> clusterings = context.history(Slots.CLUSTERINGS);
        List<LesionFindings> findings = context.history(Slots.LESIONS);
        if (clusterings.size() < 2 || findings.size() < 2) {
            return;
        }
        recordAri(context.recorder(), "findings.repeatability", clusterings);
        recordRanges(context.recorder(), "findings.repeatability", findings, significance);
    }

    /** Records the mean pairwise ARI of each clustering key under {@code prefix}. */
    public static void recordAri(Recorder recorder, String prefix, List<ClusteringSet> clusterings) {
        meanPairwiseAri(clusterings).forEach((key, value) ->
                recorder.result(prefix + ".ari." + key.kind().id() + "." + key.alphaLabel(), value));
    }

    private static void range(Map<String, Object> v, String name, List<CriticalSet> sets, ToDoubleFunction<CriticalSet> f) {
        double[] values = sets.stream().mapToDouble(f).filter(Double::isFinite).toArray();
        if (values.length == 0) {
            return;
        }
        v.put(name + "_min", java.util.Arrays.stream(values).min().orElseThrow());
        v.put(name + "_max", java.util.Arrays.stream(values).max().orElseThrow());
    }
}

package dnnc.plugins.report;

import dnnc.api.FeatureKind;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Recorder;
import dnnc.api.Reporter;
import dnnc.api.RunContext;
import dnnc.api.Slots;
import dnnc.plugins.figures.BarChart;
import dnnc.plugins.figures.FigureFiles;
import dnnc.plugins.figures.FigureNames;
import dnnc.plugins.lesion.ClusterStability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How repeatable the analysis is over seeds. The workflow repeats attribution, similarity, clustering and lesions
 * in a loop (each repeat with its own seeds); this reads every clustering and lesion finding the run produced
 * and records, under findings.repeatability: seeds; ari.KIND.ALPHA (mean pairwise adjusted Rand index of the
 * seeds' clusterings) and ari_spread.KIND.ALPHA (lowest, highest, pairs); stable_clusters.KIND.ALPHA (how many of
 * the main analysis's clusters, and of its neurons, are stable, and whether its important cluster is);
 * clusters.KIND.ALPHA and important.KIND.ALPHA (min/max over seeds); critical.ALPHA (min/max size, hidden size and
 * damage, in how many seeds its lesion was significant, fails per seed, Jaccard index of the seeds' sets). Draws
 * repeatability.png (ARI per alpha) and writes stable-clusters.csv (every main-analysis cluster with its matches).
 */
@PluginInfo(name = "repeatability", description = "stability of the analysis over the run's repeats (seeds): clustering ARI, ranges of clusters, important and critical sets")
public final class RepeatabilityReporter implements Reporter {

    @Param(description = "significance level a critical set's lesion is counted significant at (as the lesion step's)", min = 0, max = 1,
            minExclusive = true, maxExclusive = true)
    private double significance = 0.05;

    @Override
    public void report(RunContext context) {
        RepeatabilitySummary summary = RepeatabilitySummary.of(context.history(Slots.CLUSTERINGS), context.history(Slots.LESIONS), significance);
        Recorder recorder = context.recorder();
        String prefix = "findings.repeatability.";
        recorder.result(prefix + "seeds", summary.seeds());
        if (summary.seeds() < 2) {
            recorder.warning("repeatability: the analysis ran once; repeat it in a loop (repeats=K) to measure its stability");
            return;
        }
        summary.clusterings().forEach((key, c) -> {
            String at = key.kind().id() + "." + key.alphaLabel();
            if (Double.isFinite(c.ari())) {
                recorder.result(prefix + "ari." + at, c.ari());
                recorder.result(prefix + "ari_spread." + at, Map.of("min", Arrays.stream(c.pairwiseAri()).min().orElseThrow(),
                        "max", Arrays.stream(c.pairwiseAri()).max().orElseThrow(), "pairs", c.pairwiseAri().length));
            }
            if (!c.matches().isEmpty()) {
                Map<String, Object> stable = new LinkedHashMap<>();
                stable.put("stable", c.stableClusters());
                stable.put("clusters", c.matches().size());
                stable.put("stable_neurons", c.stableNeurons());
                stable.put("neurons", c.matches().stream().mapToInt(ClusterStability.Match::size).sum());
                if (c.important() != null) {
                    stable.put("important_stable", c.important().stable());
                    stable.put("important_jaccard_min", c.important().weakest());
                }
                recorder.result(prefix + "stable_clusters." + at, stable);
            }
            recorder.result(prefix + "clusters." + at, minMax(c.clusterCounts(), summary.seeds()));
            recorder.result(prefix + "important." + at, minMax(c.importantSizes(), summary.seeds()));
        });
        summary.critical().forEach((alpha, c) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("seeds_with_set", c.present());
            v.put("significant", c.significant());
            putRange(v, "size", c.sizes());
            putRange(v, "hidden", c.hidden());
            v.put("damage_min", Arrays.stream(c.damages()).min().orElse(Double.NaN));
            v.put("damage_max", Arrays.stream(c.damages()).max().orElse(Double.NaN));
            v.put("fails_per_seed", c.fails());
            if (c.pairwiseJaccard().length > 0) {
                v.put("jaccard_mean", Arrays.stream(c.pairwiseJaccard()).average().orElseThrow());
                v.put("jaccard_min", Arrays.stream(c.pairwiseJaccard()).min().orElseThrow());
            }
            recorder.result(prefix + "critical." + Numbers.alpha(alpha), v);
        });
        writeFigure(context, summary);
        writeStableClusters(context, summary);
    }

    private static void writeStableClusters(RunContext context, RepeatabilitySummary summary) {
        List<List<?>> rows = new ArrayList<>();
        summary.clusterings().forEach((key, c) -> {
            for (ClusterStability.Match m : c.matches()) {
                boolean important = c.important() != null && c.important().label() == m.label();
                rows.add(List.of(key.kind().id(), key.alpha(), m.label(), m.size(), important, m.weakest(), m.stable(),
                        Arrays.toString(m.jaccards())));
            }
        });
        FigureFiles.csv(context, "stable-clusters", List.of("kind", "alpha", "cluster", "size", "important", "jaccard_min", "stable",
                "jaccard_per_repeat"), rows, "every cluster of the main analysis with the Jaccard index of its best match in each repeat "
                + "(stable: >= " + ClusterStability.STABLE_JACCARD + " in every repeat)");
    }

    private static Map<String, Object> minMax(int[] values, int seeds) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seeds", values.length);
        putRange(v, "", values);
        return v;
    }

    private static void putRange(Map<String, Object> v, String name, int[] values) {
        if (values.length == 0) {
            return;
        }
        String p = name.isEmpty() ? "" : name + "_";
        v.put(p + "min", Arrays.stream(values).min().orElseThrow());
        v.put(p + "max", Arrays.stream(values).max().orElseThrow());
    }

    private static void writeFigure(RunContext context, RepeatabilitySummary summary) {
        // alphas analysed by one seed only have no agreement to show (a 0 bar would read as "no agreement")
        List<Double> alphas = summary.alphas().stream().filter(a -> Arrays.stream(FeatureKind.values())
                .map(kind -> summary.at(kind, a)).anyMatch(c -> c != null && Double.isFinite(c.ari()))).toList();
        if (alphas.isEmpty()) {
            return;
        }
        List<List<?>> rows = new ArrayList<>();
        BarChart chart = BarChart.titled("Agreement of the clusterings across " + summary.seeds() + " seeds (mean pairwise ARI)")
                .categories(alphas.stream().map(Numbers::alpha).toList()).xLabel("alpha").yLabel("adjusted Rand index").valueLabels(true);
        for (FeatureKind kind : FeatureKind.values()) {
            double[] values = new double[alphas.size()];
            for (int i = 0; i < alphas.size(); i++) {
                RepeatabilitySummary.PerClustering c = summary.at(kind, alphas.get(i));
                values[i] = c == null || !Double.isFinite(c.ari()) ? 0 : c.ari();
                rows.add(List.of(kind.id(), alphas.get(i), c == null ? "" : c.ari()));
            }
            chart.series(kind == FeatureKind.ACE ? "ACE features" : "activation features", values);
        }
        FigureFiles.pngWithData(context, FigureNames.REPEATABILITY, chart.render(), List.of("kind", "alpha", "mean_pairwise_ari"), rows,
                "mean pairwise adjusted Rand index of the clusterings of different seeds, per feature kind and alpha");
    }
}

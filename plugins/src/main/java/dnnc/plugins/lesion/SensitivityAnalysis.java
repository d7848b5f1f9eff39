package dnnc.plugins.lesion;

import dnnc.api.AttributionResult;
import dnnc.api.ClusteringSet;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.NeuronClustering;
import dnnc.api.Progress;
import dnnc.api.RunContext;
import dnnc.api.SensitivitySummary;
import dnnc.api.Slots;
import dnnc.plugins.figures.FigureFiles;
import dnnc.plugins.figures.LineChart;
import dnnc.plugins.figures.FigureNames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the critical set depends on the clustering's granularity: the lesion study re-run on alternative
 * clusterings (e.g. along a preference sweep), giving per alpha the critical set's size and damage against the
 * number of clusters (mean of the activation and ACE clusterings at that alpha).
 */
public final class SensitivityAnalysis {
    /** One alternative clustering at one alpha. */
    public record Point(int alternative, double alpha, double clusters, int criticalSize, int criticalHidden,
                        double damage, boolean fails) {
    }

    private SensitivityAnalysis() {
    }

    public static List<Point> run(LesionStudy study, List<ClusteringSet> alternatives, AttributionResult attribution,
                                  Progress progress) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < alternatives.size(); i++) {
            ClusteringSet set = alternatives.get(i);
            LesionStudy.Result result = study.run(set, attribution, progress);
            for (Map.Entry<Double, CriticalSetSearch.Outcome> e : result.critical().entrySet()) {
                CriticalSetSearch.Outcome c = e.getValue();
                points.add(new Point(i, e.getKey(), meanClusterCount(set, e.getKey()), c.neurons().length, c.hidden(),
                        c.scored() == null ? Double.NaN : c.scored().damage(), c.fails()));
            }
        }
        return points;
    }

    /** Writes lesion_sensitivity.csv and two line charts (size and damage against clusters, one line per alpha). */
    public static void write(RunContext context, List<Point> points, String damageLabel) {
        if (points.isEmpty()) {
            context.recorder().warning("lesion sensitivity: no alternative clusterings gave a critical set to plot");
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Point p : points) {
            rows.add(List.of(p.alternative(), p.alpha(), p.clusters(), p.criticalSize(), p.criticalHidden(), p.damage(), p.fails()));
        }
        List<String> header = List.of("alternative", "alpha", "clusters", "critical_size", "critical_hidden", "damage", "fails");
        Map<Double, List<Point>> byAlpha = new TreeMap<>();
        points.forEach(p -> byAlpha.computeIfAbsent(p.alpha(), a -> new ArrayList<>()).add(p));
        LineChart sizes = LineChart.titled("Critical set size against the number of clusters")
                .xLabel("clusters (mean of activation and ACE)").yLabel("critical neurons");
        LineChart damage = LineChart.titled("Critical set damage against the number of clusters")
                .xLabel("clusters (mean of activation and ACE)").yLabel(damageLabel);
        byAlpha.forEach((alpha, list) -> {
            list.sort(Comparator.comparingDouble(Point::clusters));
            double[] x = list.stream().mapToDouble(Point::clusters).toArray();
            String name = "alpha " + FeatureKey.alphaLabel(alpha);
            sizes.series(name, x, list.stream().mapToDouble(Point::criticalSize).toArray(), true);
            damage.series(name, x, list.stream().mapToDouble(p -> Double.isNaN(p.damage()) ? 0 : p.damage()).toArray(), true);
        });
        FigureFiles.pngWithData(context, FigureNames.LESION_SENSITIVITY_SIZE, sizes.render(), header, rows,
                "critical set size against the number of clusters, one line per alpha (alternative 0 = the run's own clustering)");
        FigureFiles.png(context, FigureNames.LESION_SENSITIVITY_DAMAGE, damage.render(),
                "critical set damage against the number of clusters (empty sets drawn at 0)");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("alternatives", points.stream().mapToInt(Point::alternative).distinct().count());
        summary.put("critical_size_min", points.stream().mapToInt(Point::criticalSize).min().orElse(0));
        summary.put("critical_size_max", points.stream().mapToInt(Point::criticalSize).max().orElse(0));
        String sentence = failingSummary(points);
        summary.put("summary", sentence);
        context.recorder().result("findings.sensitivity", summary);
        context.put(Slots.SENSITIVITY, new SensitivitySummary(sentence));
    }

    /** One sentence for a reader: where (alpha, number of clusters) a critical set's lesion fails, and the coarsest such clustering. */
    static String failingSummary(List<Point> points) {
        List<Point> failing = points.stream().filter(Point::fails).sorted(Comparator.comparingDouble(Point::clusters)).toList();
        if (failing.isEmpty()) {
            return "No clustering tried, from " + clusterRange(points) + " clusters, gave a critical set whose lesion fails.";
        }
        String where = String.join(", ", failing.stream().map(p -> "alpha " + FeatureKey.alphaLabel(p.alpha()) + " at "
                + Math.round(p.clusters()) + " clusters (" + p.criticalSize() + " neurons, " + p.criticalHidden() + " hidden)").toList());
        return "Critical sets whose lesion fails: " + where + "; none with fewer than " + Math.round(failing.get(0).clusters())
                + " clusters (tried " + clusterRange(points) + ").";
    }

    private static String clusterRange(List<Point> points) {
        return Math.round(points.stream().mapToDouble(Point::clusters).min().orElse(0)) + " to "
                + Math.round(points.stream().mapToDouble(Point::clusters).max().orElse(0));
    }

    static double meanClusterCount(ClusteringSet set, double alpha) {
        return Arrays.stream(FeatureKind.values())
                .map(kind -> set.byKey().get(new FeatureKey(kind, alpha)))
                .filter(java.util.Objects::nonNull)
                .mapToInt(SensitivityAnalysis::clusterCount).average().orElse(0);
    }

    private static int clusterCount(NeuronClustering c) {
        return (int) Arrays.stream(c.labels()).filter(l -> l >= 0).distinct().count();
    }
}

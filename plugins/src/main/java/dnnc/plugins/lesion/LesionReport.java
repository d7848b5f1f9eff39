package dnnc.plugins.lesion;

import dnnc.api.FeatureKey;
import dnnc.api.Recorder;
import dnnc.api.RunContext;
import dnnc.plugins.figures.BarChart;
import dnnc.plugins.figures.FigureFiles;
import dnnc.plugins.figures.Histogram;
import dnnc.plugins.figures.Panel;
import dnnc.plugins.figures.PanelGrid;
import dnnc.plugins.figures.FigureNames;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts a {@link LesionStudy.Result} on record (results.json keys under {@code findings.}) and draws its figures:
 * lesioned reconstructions per cluster (study figure 3.6) and per critical set (3.7), set sizes per alpha (4.1),
 * and each tested lesion's random-lesion distribution, each PNG with its CSV.
 */
final class LesionReport {
    /** Clusters drawn per clustering in the figure of lesioned reconstructions. */
    private static final int FIGURE_ROWS = 10;

    private final RunContext context;
    private final LesionStudy.Result result;
    private final boolean passFail;

    LesionReport(RunContext context, LesionStudy.Result result, boolean passFail) {
        this.context = context;
        this.result = result;
        this.passFail = passFail;
    }

    void recordResults() {
        Recorder recorder = context.recorder();
        recorder.result("findings.lesion.criterion", result.findings().criterion());
        recorder.result("findings.lesion.evaluations", result.evaluations());
        recorder.result("findings.lesion.draws", result.design().draws());
        recorder.result("findings.lesion.rows_per_evaluation", result.design().rows());
        for (ClusterLesionTest.Outcome o : result.clusterings().values()) {
            if (o.byDamage().isEmpty()) {
                continue;
            }
            TestedLesion top = o.byDamage().get(0);
            Map<String, Object> v = lesionNumbers(top.size(), top.hidden(), top.scored(), top.failureRate(), top.adjustedP());
            v.put("cluster", top.cluster());
            v.put("p_value_raw", top.pValue());
            v.put("significant", o.important() != null);
            v.put("clusters", o.byDamage().size());
            recorder.result("findings.important." + o.key().kind().id() + "." + o.key().alphaLabel(), v);
        }
        result.critical().forEach((alpha, c) -> {
            if (c.neurons().length == 0) {
                recorder.warning("lesion: no critical set at alpha " + FeatureKey.alphaLabel(alpha) + " (C_ACT " + c.activationSize()
                        + " neurons, C_ACE " + c.aceSize() + "; empty when a clustering has no significant cluster)");
            }
            Map<String, Object> v = c.scored() == null ? new LinkedHashMap<>()
                    : lesionNumbers(c.neurons().length, c.hidden(), c.scored(), c.failureRate(), c.pValue());
            v.put("size", c.neurons().length);
            v.put("neurons", c.neurons());
            v.put("hidden", c.hidden());
            v.put("overlap_p_value", c.overlapPValue());
            v.put("activation_size", c.activationSize());
            v.put("ace_size", c.aceSize());
            v.put("population", c.population());
            v.put("fails", c.fails());
            v.put("minimal_size", c.minimal().length);
            v.put("minimal_hidden", c.minimalHidden());
            recorder.result("findings.critical." + FeatureKey.alphaLabel(alpha), v);
        });
    }

    private static Map<String, Object> lesionNumbers(int size, int hidden, LesionScorer.Scored scored, double failureRate, double p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("size", size);
        v.put("hidden", hidden);
        putFinite(v, "failure_rate", failureRate);
        putFinite(v, "p_value", p);
        v.put("damage", scored.damage());
        putFinite(v, "mean_bce", scored.meanBce());
        return v;
    }

    private static void putFinite(Map<String, Object> v, String key, double value) {
        if (Double.isFinite(value)) {
            v.put(key, value);
        }
    }

    void writeFiles() {
        writeClusterTable();
        boolean images = result.imageRows() > 0;
        for (ClusterLesionTest.Outcome o : result.clusterings().values()) {
            if (images) {
                clusterFigure(o);
            }
            if (!o.byDamage().isEmpty() && o.byDamage().get(0).tested()) {
                TestedLesion top = o.byDamage().get(0);
                nullFigure(FigureNames.lesionNull(o.key()),
                        "Random lesions vs cluster " + top.cluster() + " (" + o.key().kind().id() + ", alpha " + o.key().alphaLabel() + ")",
                        top.randomDamages(), top.damage());
            }
        }
        if (!result.critical().isEmpty()) {
            if (images) {
                criticalFigure();
            }
            sizesFigure();
            result.critical().forEach((alpha, c) -> {
                if (c.scored() != null) {
                    nullFigure(FigureNames.lesionNullCritical(alpha), "Random lesions vs critical set (alpha " + FeatureKey.alphaLabel(alpha) + ")",
                            c.randomDamages(), c.scored().damage());
                }
            });
        }
    }

    private void writeClusterTable() {
        List<String> header = new ArrayList<>(List.of("kind", "alpha", "rank", "cluster", "size", "hidden", "damage",
                "failure_rate", "mean_bce", "p_value_raw", "p_value_holm", "tested", "important"));
        for (double a : result.design().alphas()) {
            header.add("damage_at_" + FeatureKey.alphaLabel(a));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ClusterLesionTest.Outcome o : result.clusterings().values()) {
            for (int rank = 0; rank < o.byDamage().size(); rank++) {
                TestedLesion t = o.byDamage().get(rank);
                List<Object> row = new ArrayList<>(List.of(o.key().kind().id(), o.key().alpha(), rank + 1, t.cluster(),
                        t.size(), t.hidden(), t.damage(), t.failureRate(), t.scored().meanBce(), t.pValue(), t.adjustedP(),
                        t.tested(), t == o.important()));
                Arrays.stream(t.scored().damagePerAlpha()).forEach(row::add);
                rows.add(row);
            }
        }
        FigureFiles.csv(context, "lesion_clusters", header, rows, "every cluster lesion, by clustering and decreasing damage");
        List<List<Object>> nulls = new ArrayList<>();
        for (ClusterLesionTest.Outcome o : result.clusterings().values()) {
            for (TestedLesion t : o.byDamage()) {
                for (double d : t.randomDamages()) {
                    nulls.add(List.of(o.key().kind().id(), o.key().alpha(), t.cluster(), d));
                }
            }
        }
        result.critical().forEach((alpha, c) -> {
            for (double d : c.randomDamages()) {
                nulls.add(List.of("critical", alpha, -1, d));
            }
        });
        FigureFiles.csv(context, "lesion_random_damages", List.of("kind", "alpha", "cluster", "damage"), nulls,
                "damage of every random lesion in the significance tests (cluster -1: critical set)");
    }

    /** Study figure 3.6 for one clustering: rows = clusters by decreasing damage, columns = alpha. */
    private void clusterFigure(ClusterLesionTest.Outcome o) {
        List<TestedLesion> shown = o.byDamage().subList(0, Math.min(FIGURE_ROWS, o.byDamage().size()));
        List<String> rowLabels = new ArrayList<>(List.of("intact"));
        List<String> notes = new ArrayList<>(List.of(""));
        List<float[]> rowImages = new ArrayList<>(List.of(result.intactExamples()));
        List<List<Object>> data = new ArrayList<>();
        for (TestedLesion t : shown) {
            rowLabels.add("cluster " + t.cluster());
            notes.add(annotation(t.size(), t.hidden(), t.scored(), t.failureRate(), t.adjustedP()) + (t == o.important() ? "  *important*" : ""));
            rowImages.add(t.scored().examples());
            data.add(List.of(t.cluster(), t.size(), t.hidden(), t.damage(), t.failureRate(), t.adjustedP()));
        }
        String name = FigureNames.lesionClusters(o.key());
        FigureFiles.pngWithData(context, name, imageGrid("Lesioned " + o.key().kind().id() + " clusters (clustered at alpha "
                        + o.key().alphaLabel() + ")", rowLabels, notes, rowImages),
                List.of("cluster", "size", "hidden", "damage", "failure_rate", "p_value_holm"), data,
                "reconstructions with each cluster lesioned, by decreasing damage (study figure 3.6)");
    }

    /** Study figure 3.7: the critical set of each alpha, lesioned, over the alpha grid. */
    private void criticalFigure() {
        List<String> rowLabels = new ArrayList<>(List.of("intact"));
        List<String> notes = new ArrayList<>(List.of(""));
        List<float[]> rowImages = new ArrayList<>(List.of(result.intactExamples()));
        List<List<Object>> data = new ArrayList<>();
        result.critical().forEach((alpha, c) -> {
            if (c.scored() == null) {
                return;
            }
            rowLabels.add("critical @ " + FeatureKey.alphaLabel(alpha));
            notes.add(annotation(c.neurons().length, c.hidden(), c.scored(), c.failureRate(), c.pValue())
                    + String.format(Locale.ROOT, ", overlap p=%.2g, minimal %d", c.overlapPValue(), c.minimal().length));
            rowImages.add(c.scored().examples());
            data.add(List.of(alpha, c.neurons().length, c.hidden(), c.scored().damage(), c.failureRate(), c.pValue(),
                    c.overlapPValue(), c.minimal().length));
        });
        FigureFiles.pngWithData(context, FigureNames.LESION_CRITICAL, imageGrid("Critical set lesioned (C_ACE and C_ACT per alpha)",
                        rowLabels, notes, rowImages),
                List.of("alpha", "size", "hidden", "damage", "failure_rate", "p_value", "overlap_p_value", "minimal_size"),
                data, "reconstructions with the critical set of each alpha lesioned (study figure 3.7)");
    }

    /** Study figure 4.1: sizes of C_ACT, C_ACE, the critical set and its hidden part per alpha. */
    private void sizesFigure() {
        List<String> alphas = new ArrayList<>();
        List<List<Object>> data = new ArrayList<>();
        int n = result.critical().size();
        double[] act = new double[n];
        double[] ace = new double[n];
        double[] critical = new double[n];
        double[] hidden = new double[n];
        int i = 0;
        for (Map.Entry<Double, CriticalSetSearch.Outcome> e : result.critical().entrySet()) {
            CriticalSetSearch.Outcome c = e.getValue();
            alphas.add(FeatureKey.alphaLabel(e.getKey()));
            act[i] = c.activationSize();
            ace[i] = c.aceSize();
            critical[i] = c.neurons().length;
            hidden[i] = c.hidden();
            data.add(List.of(e.getKey(), c.activationSize(), c.aceSize(), c.neurons().length, c.hidden()));
            i++;
        }
        FigureFiles.pngWithData(context, FigureNames.LESION_SIZES, BarChart.titled("Important and critical neurons per alpha")
                        .categories(alphas).series("C_ACT", act).series("C_ACE", ace).series("critical", critical)
                        .series("critical, hidden only", hidden).xLabel("alpha").yLabel("neurons").valueLabels(true).render(),
                List.of("alpha", "c_act", "c_ace", "critical", "critical_hidden"), data,
                "sizes of the important clusters, the critical set and its hidden neurons (study figure 4.1)");
    }

    private void nullFigure(String name, String title, double[] randomDamages, double observed) {
        List<List<Object>> data = new ArrayList<>();
        for (double d : randomDamages) {
            data.add(List.of(d));
        }
        FigureFiles.pngWithData(context, name, Histogram.titled(title).values(randomDamages).bins(25)
                        .observed(observed, "observed").xLabel(passFail ? "failure rate" : result.imageRows() > 0 ? "mean pixel BCE" : "damage").render(),
                List.of("random_damage"), data, "damage of the matched random lesions; the red line is the tested lesion");
    }

    /** Rows of reconstructions, one column per alpha, as a greyscale panel grid. */
    private BufferedImage imageGrid(String title, List<String> rowLabels, List<String> notes, List<float[]> rowImages) {
        int rows = result.imageRows();
        int cols = result.imageCols();
        double[] alphas = result.design().alphas();
        PanelGrid grid = PanelGrid.images().title(title).xAxisTitle("alpha").columnLabels(Arrays.stream(alphas)
                .mapToObj(FeatureKey::alphaLabel).toList()).rowLabels(rowLabels).rowAnnotations(notes);
        for (int r = 0; r < rowImages.size(); r++) {
            for (int a = 0; a < alphas.length; a++) {
                grid.put(r, a, Panel.of(Arrays.copyOfRange(rowImages.get(r), a * rows * cols, (a + 1) * rows * cols), rows, cols));
            }
        }
        return grid.render();
    }

    private String annotation(int size, int hidden, LesionScorer.Scored scored, double failureRate, double p) {
        String rate = passFail ? String.format(Locale.ROOT, "failure %.2f", scored.damage())
                : String.format(Locale.ROOT, "BCE %.3f, failure %s", scored.damage(), Double.isNaN(failureRate) ? "-" : String.format(Locale.ROOT, "%.2f", failureRate));
        String pText = Double.isNaN(p) ? "not tested" : String.format(Locale.ROOT, "p=%.3f", p);
        return String.format(Locale.ROOT, "n=%d (%d hidden), %s, %s", size, hidden, rate, pText);
    }
}

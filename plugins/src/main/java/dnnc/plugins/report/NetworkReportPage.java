package dnnc.plugins.report;

import dnnc.api.ClusterLesion;
import dnnc.api.ClusteringSet;
import dnnc.api.CriticalSet;
import dnnc.api.FeatureKey;
import dnnc.api.LabeledData;
import dnnc.api.LesionFindings;
import dnnc.api.NetworkSummary;
import dnnc.api.NeuronClustering;
import dnnc.api.NeuronLayout;
import dnnc.api.ProbedNetwork;
import dnnc.api.RowAttribution;
import dnnc.api.RunContext;
import dnnc.api.Slots;
import dnnc.api.Tensor;
import dnnc.api.TensorInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The page {@link NetworkReporter} writes, section by section; a step the workflow lacked leaves its section saying so. */
final class NetworkReportPage {
    /** What a lesion's damage is under each network criterion, for the reader. */
    private static final Map<String, String> DAMAGE = Map.of(
            "accuracy", "damage = drop in top-1 accuracy from the intact network's, on the data rows",
            "agreement", "damage = share of rows whose top-1 class differs from the intact network's",
            "output-distance", "damage = mean distance of the lesioned output from the intact one, per row");

    private final RunContext context;
    private final ProbedNetwork network;
    private final LabeledData data;
    private final Double accuracy;
    private final Path folder;
    private final HtmlPage page;

    NetworkReportPage(RunContext context, ProbedNetwork network, LabeledData data, Double accuracy) {
        this.context = context;
        this.network = network;
        this.data = data;
        this.accuracy = accuracy;
        this.folder = context.outputDir();
        this.page = new HtmlPage("dnnc: " + Path.of(network.summary().file()).getFileName());
    }

    String render() {
        NetworkSummary s = network.summary();
        page.heading(1, null, "What dnnc found in " + Path.of(s.file()).getFileName());
        page.paragraph("lead", answer());
        networkSection(s);
        dataSection();
        effectsSection();
        clustersSection();
        lesionsSection();
        RunSection.append(page, folder, context.info());
        return page.render();
    }

    /** The one-line answer: how big the critical sets are and whether they matter. */
    private String answer() {
        Optional<LesionFindings> lesions = context.get(Slots.LESIONS);
        if (lesions.isEmpty()) {
            return "No lesion step ran, so this page reports effects and clusters only.";
        }
        if (lesions.get().critical().values().stream().allMatch(c -> c.neurons().length == 0)) {
            return "No critical set at any alpha: no cluster of units, lesioned, hurt the network (judged by " + lesions.get().criterion()
                    + ") more than random lesions of the same size, so no group of units found here matters more than any other of its size.";
        }
        List<String> parts = new ArrayList<>();
        for (CriticalSet c : lesions.get().critical().values()) {
            parts.add("alpha " + Numbers.sig(c.alpha()) + ": " + (c.neurons().length == 0 ? "no critical set"
                    : units(c.neurons().length) + (c.fails() ? ", significant (p=" + Numbers.sig(c.pValue()) + "), its minimal subset "
                    + units(c.minimalNeurons().length) : ", not significant (p=" + Numbers.sig(c.pValue()) + ")")));
        }
        return "Critical sets (units in both the most damaging activation cluster and the most damaging ACE cluster), lesioned and "
                + "judged by " + lesions.get().criterion() + " against random lesions of the same size: " + String.join("; ", parts) + ".";
    }

    private static String units(int count) {
        return count + (count == 1 ? " unit" : " units");
    }

    private void networkSection(NetworkSummary s) {
        page.heading(2, "network", "The network");
        page.table(null, List.of("what", "value"), List.of(
                List.of("file", s.file()), List.of("sha256", s.sha256()), List.of("format", s.format()),
                List.of("operator sets", new TreeMap<>(s.opsets()).entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))), List.of("trained parameters", Long.toString(s.parameters())),
                List.of("probed tensors", Integer.toString(s.probed().size())),
                List.of("units analysed", Integer.toString(network.probe().layout().total()) + " (input features, probed units, outputs)")), null);
        page.table("Inputs and outputs", List.of("role", "tensor", "shape", "type"), tensorRows(s), null);
        List<List<String>> probed = new ArrayList<>();
        String output = s.outputs().get(0).name();
        for (TensorInfo t : s.probed()) {
            // exporters often leave the output a number for a name; dnnc activations calls it 'output'
            String name = t.name().equals(output) ? t.name() + " (the graph output: 'output' in dnnc activations)" : t.name();
            probed.add(List.of(name, t.op(), Tensor.shapeText(t.shape()), Integer.toString(t.units())));
        }
        page.table("Probed tensors (a unit is one element of a dense tensor, one channel of a convolutional one)",
                List.of("tensor", "op", "shape", "units"), probed, null);
        if (!s.notInstrumentable().isEmpty()) {
            page.paragraph("note", "Not instrumented: " + String.join("; ", s.notInstrumentable()));
        }
    }

    private static List<List<String>> tensorRows(NetworkSummary s) {
        List<List<String>> rows = new ArrayList<>();
        s.inputs().forEach(t -> rows.add(List.of("input", t.name(), Tensor.shapeText(t.shape()), t.type())));
        s.outputs().forEach(t -> rows.add(List.of("output", t.name(), Tensor.shapeText(t.shape()), t.type())));
        return rows;
    }

    private void dataSection() {
        page.heading(2, "data", "The data");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("source", data.source()));
        rows.add(List.of("rows", Integer.toString(data.heldOut().count())));
        rows.add(List.of("labels", data.classCount() > 0 ? data.classCount() + " classes" : "none"));
        data.fileSha256().forEach((file, sha) -> rows.add(List.of("sha256 of " + file, sha)));
        if (accuracy != null) {
            rows.add(List.of("intact network's top-1 accuracy", Numbers.fixed(accuracy, 4)));
        }
        page.table(null, List.of("what", "value"), rows, null);
    }

    private void effectsSection() {
        page.heading(2, "effects", "Causal effects of do() on the targets");
        Optional<RowAttribution> found = context.get(Slots.ROW_ATTRIBUTION);
        if (found.isEmpty()) {
            page.paragraph("note", "No network-ace step ran before this report.");
            return;
        }
        RowAttribution a = found.get();
        Map<String, Object> d = a.result().diagnostics();
        page.paragraph("do(target = alpha) on " + a.targets().size() + " targets of '" + d.get("on") + "', alpha in "
                + Arrays.stream(a.features().alphas()).mapToObj(Numbers::sig).collect(Collectors.joining(", ")) + ", over "
                + d.get("draws") + " data rows each (the other features as they are in the data); baseline: " + d.get("baseline")
                + ". The focus target, whose per-row activations and effects the units are clustered by: " + a.focusTarget().label() + ".");
        page.figure("1", folder.resolve("ace_targets.png"), "Mean |ACE| on the outputs of do() on each target (index as in the table).", "");
        @SuppressWarnings("unchecked")
        Map<String, Double> totals = (Map<String, Double>) d.get("total_effect");
        List<String> labels = new ArrayList<>(totals.keySet());
        List<List<String>> rows = new ArrayList<>();
        labels.stream().sorted(Comparator.comparingDouble((String l) -> -totals.get(l))).limit(10)
                .forEach(l -> rows.add(List.of(Integer.toString(labels.indexOf(l)), l, Numbers.sig(totals.get(l)))));
        page.table("The targets that move the output most", List.of("index", "target", "mean |ACE| on the outputs"), rows, null);
    }

    private void clustersSection() {
        page.heading(2, "clusters", "Clusters of units");
        Optional<ClusteringSet> set = context.get(Slots.CLUSTERINGS);
        if (set.isEmpty()) {
            page.paragraph("note", "No clustering step ran before this report.");
            return;
        }
        ClusteringSet c = set.get();
        String clustered = context.get(Slots.ROW_ATTRIBUTION).map(a -> String.valueOf(a.result().diagnostics().get("clustered")))
                .orElse("every unit");
        page.paragraph("Units clustered by " + c.measure() + " similarity with " + c.algorithm() + ", per feature kind "
                + "(activations, per-row effects of the focus target) and alpha: " + clustered + ". Units constant over the rows "
                + "are left out of every cluster.");
        // input features left out by design are not counted as left out for being constant
        int from = clustered.contains("input features left out") ? network.probe().layout().layers().get(0).size() : 0;
        List<List<String>> rows = new ArrayList<>();
        for (NeuronClustering nc : keyed(c.byKey()).values()) {
            long left = Arrays.stream(nc.labels(), from, nc.labels().length).filter(l -> l < 0).count();
            rows.add(List.of(nc.key().kind().id(), Numbers.sig(nc.key().alpha()), Integer.toString(nc.clustering().clusterCount()),
                    Long.toString(left), nc.clustering().converged() ? "yes" : "no"));
        }
        page.table(null, List.of("features", "alpha", "clusters", "units left out (constant over the rows)", "converged"), rows, null);
    }

    /** Ordered by feature kind, then alpha. */
    private static <V> Map<String, V> keyed(Map<FeatureKey, V> byKey) {
        Map<String, V> m = new TreeMap<>();
        byKey.forEach((k, v) -> m.put(k.kind().id() + String.format(java.util.Locale.ROOT, "%+015.6f", k.alpha()), v));
        return m;
    }

    private void lesionsSection() {
        page.heading(2, "lesions", "Lesions");
        Optional<LesionFindings> found = context.get(Slots.LESIONS);
        if (found.isEmpty()) {
            page.paragraph("note", "No lesion step ran before this report.");
            return;
        }
        LesionFindings f = found.get();
        NeuronLayout layout = network.probe().layout();
        page.paragraph("Criterion: " + f.criterion() + " (" + DAMAGE.getOrDefault(f.criterion(), "damage as the criterion defines it")
                + "). Each cluster is lesioned (its units set to 0) and the most damaging are tested against random lesions of the "
                + "same size per layer (p-values Holm-adjusted over the tested clusters).");
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (Map.Entry<String, ClusterLesion> e : keyed(f.important()).entrySet()) {
            ClusterLesion l = e.getValue();
            rows.add(List.of(l.key().kind().id(), Numbers.sig(l.key().alpha()), Integer.toString(l.cluster()),
                    Integer.toString(l.neurons().length), Numbers.sig(l.damage()), Numbers.sig(l.pValue()), unitsByLayer(layout, l.neurons())));
            classes.add("holds");
        }
        if (rows.isEmpty()) {
            page.paragraph("note", "No clustering has a most damaging cluster whose lesion is significant against random lesions of "
                    + "its size, so there is no critical set: in this network no cluster matters more than any units of its size.");
        }
        page.table("Important clusters (significant most damaging cluster of each clustering)",
                List.of("features", "alpha", "cluster", "units", "damage", "p (Holm)", "units by tensor"), rows, classes);
        List<List<String>> critical = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        for (CriticalSet c : f.critical().values()) {
            critical.add(List.of(Numbers.sig(c.alpha()), Integer.toString(c.neurons().length), Numbers.sig(c.damage()),
                    Numbers.sig(c.pValue()), Numbers.sig(c.overlapPValue()), c.fails() ? "yes" : "no",
                    Integer.toString(c.minimalNeurons().length), unitsByLayer(layout, c.minimalNeurons().length > 0 ? c.minimalNeurons() : c.neurons())));
            verdicts.add(c.neurons().length == 0 ? "missing" : c.fails() ? "holds" : "fails");
        }
        page.table("Critical sets per alpha (C_ACT and C_ACE together); the last column lists the minimal set when there is one",
                List.of("alpha", "units", "damage", "p vs random", "overlap p", "significant", "minimal", "units by tensor"), critical, verdicts);
        page.figure("2", folder.resolve("lesion_sizes.png"), "Sizes of the important clusters and the critical set per alpha.", "");
        for (CriticalSet c : f.critical().values()) {
            page.figure("3." + Numbers.alpha(c.alpha()), folder.resolve("lesion_null_critical_" + Numbers.alpha(c.alpha()) + ".png"),
                    "Damage of the random lesions against the critical set's (red) at alpha " + Numbers.sig(c.alpha()) + ".", "");
        }
    }

    /** "tensor: u1, u2, ..." per layer, so a reader can lesion the same units with dnnc activations --lesion. */
    static String unitsByLayer(NeuronLayout layout, int[] global) {
        Map<Integer, List<Integer>> byLayer = new TreeMap<>();
        for (int g : global) {
            byLayer.computeIfAbsent(layout.layerOf(g), k -> new ArrayList<>()).add(layout.indexInLayer(g));
        }
        List<String> parts = new ArrayList<>();
        byLayer.forEach((l, units) -> parts.add(layout.layers().get(l).name() + ": " + units.stream().map(String::valueOf)
                .collect(Collectors.joining(","))));
        return String.join("; ", parts);
    }
}

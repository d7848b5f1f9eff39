package dnnc.plugins.clustering;

import dnnc.api.ClusteringSet;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.NeuronClustering;
import dnnc.api.RunContext;
import dnnc.plugins.figures.FigureFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The study's table 3.1: clusters per alpha, activation features beside ACE features, as CSV and an HTML fragment. */
final class ClusterTables {
    private ClusterTables() {
    }

    static void write(RunContext context, ClusteringSet set) {
        TreeSet<Double> alphas = new TreeSet<>();
        set.byKey().keySet().forEach(k -> alphas.add(k.alpha()));
        List<List<?>> rows = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        html.append("<table class=\"table-3-1\">\n<caption>Clusters per alpha of input ").append(set.input())
                .append(" (").append(escape(set.measure())).append(" + ").append(escape(set.algorithm()))
                .append("; n.c. = did not converge)</caption>\n<thead><tr><th>alpha</th><th>activation</th><th>ACE</th></tr></thead>\n<tbody>\n");
        for (double alpha : alphas) {
            String activation = cell(set, new FeatureKey(FeatureKind.ACTIVATION, alpha));
            String ace = cell(set, new FeatureKey(FeatureKind.ACE, alpha));
            String label = FeatureKey.alphaLabel(alpha);
            rows.add(List.of(label, activation, ace));
            html.append("<tr><td>").append(label).append("</td><td>").append(activation).append("</td><td>").append(ace).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        FigureFiles.csv(context, "table-3-1", List.of("alpha", "activation", "ace"), rows, "table 3.1: clusters per alpha (activation vs ACE features)");
        Path file = context.outputDir().resolve("table-3-1.html");
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
        context.recorder().artifact(file, "table 3.1 as an HTML fragment for the report");
    }

    private static String cell(ClusteringSet set, FeatureKey key) {
        NeuronClustering nc = set.byKey().get(key);
        if (nc == null) {
            return "";
        }
        return nc.clustering().converged() ? Integer.toString(nc.clustering().clusterCount()) : "n.c.";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

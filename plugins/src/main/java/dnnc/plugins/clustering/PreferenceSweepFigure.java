package dnnc.plugins.clustering;

import dnnc.api.ClusteringSet;
import dnnc.api.FeatureKind;
import dnnc.api.NeuronClustering;
import dnnc.api.PreferenceSweep;
import dnnc.api.RunContext;
import dnnc.plugins.figures.FigureFiles;
import dnnc.plugins.figures.LineChart;

import java.util.ArrayList;
import java.util.List;

/** The study's figure 3.5: clusters against preference, one line per (feature kind, alpha); gaps where runs did not converge. */
final class PreferenceSweepFigure {
    private PreferenceSweepFigure() {
    }

    static void write(RunContext context, ClusteringSet set) {
        LineChart chart = LineChart.titled("Clusters vs preference (" + set.measure() + ", input " + set.input() + ")")
                .xLabel("preference").yLabel("clusters");
        List<List<?>> rows = new ArrayList<>();
        boolean any = false;
        for (NeuronClustering nc : set.byKey().values()) {
            PreferenceSweep sweep = nc.clustering().sweep();
            if (sweep == null) {
                continue;
            }
            any = true;
            double[] counts = new double[sweep.clusterCounts().length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = sweep.converged()[i] ? sweep.clusterCounts()[i] : Double.NaN;
                rows.add(List.of(nc.key().kind().id(), nc.key().alphaLabel(), sweep.preferences()[i], sweep.clusterCounts()[i],
                        sweep.converged()[i], sweep.chosen()));
            }
            String name = (nc.key().kind() == FeatureKind.ACE ? "ACE" : "act") + " a=" + nc.key().alphaLabel();
            chart.series(name, sweep.preferences(), counts, true);
        }
        if (any) {
            FigureFiles.pngWithData(context, "preference-sweep", chart.render(),
                    List.of("kind", "alpha", "preference", "clusters", "converged", "chosen_preference"), rows,
                    "figure 3.5: number of clusters against the affinity propagation preference");
        }
    }
}

package dnnc.plugins.clustering;

import dnnc.api.ClusteringSet;
import dnnc.api.FeatureKind;
import dnnc.api.NeuronClustering;
import dnnc.api.PreferenceSweep;
import dnnc.api.RunContext;
import dnnc.plugins.figures.FigureFiles;
import dnnc.plugins.figures.LineChart;
import dnnc.plugins.figures.FigureNames;

import java.util.ArrayList;
import java.util.List;

/**
 * The study's figure 3.5: clusters against preference, one line per (feature kind, alpha); gaps where runs did not
 * converge. The x axis is the distance below p_max on a log scale, the scale the sweep's grid and plateaus live on.
 */
final class PreferenceSweepFigure {
    private PreferenceSweepFigure() {
    }

    static void write(RunContext context, ClusteringSet set) {
        LineChart chart = LineChart.titled("Clusters vs preference (" + set.measure() + ", input " + set.input() + ")")
                .xLabel("p_max - preference (log scale; preference falls to the right)").yLabel("clusters").logX(true);
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
            int onLogScale = counts.length - 1; // the last grid point is p_max itself: distance 0
            double[] distance = new double[onLogScale];
            for (int i = 0; i < onLogScale; i++) {
                distance[i] = sweep.preferences()[onLogScale] - sweep.preferences()[i];
            }
            chart.series(name, distance, java.util.Arrays.copyOf(counts, onLogScale), true);
        }
        if (any) {
            FigureFiles.pngWithData(context, FigureNames.PREFERENCE_SWEEP, chart.render(),
                    List.of("kind", "alpha", "preference", "clusters", "converged", "chosen_preference"), rows,
                    "figure 3.5: number of clusters against the affinity propagation preference");
        }
    }
}

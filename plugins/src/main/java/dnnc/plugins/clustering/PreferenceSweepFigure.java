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
 * The study's figure 3.5: clusters against preference for each feature kind's sweep (made on the kind's middle
 * alpha), with gaps where runs did not converge; the chosen plateau shaded, the chosen preference dashed, and every
 * alpha's cluster count at that preference as dots on the same axes. Both axes are logarithmic: x is the distance
 * below p_max, the scale the sweep's grid and plateaus live on, y the cluster count, which runs from one to hundreds.
 */
final class PreferenceSweepFigure {
    private PreferenceSweepFigure() {
    }

    static void write(RunContext context, ClusteringSet set) {
        LineChart chart = LineChart.titled("Clusters vs preference (" + set.measure() + ", input " + set.input() + ")")
                .xLabel("p_max - preference (log scale; preference falls to the right)").yLabel("clusters (log scale)")
                .logX(true).logY(true).size(900, 560);
        List<List<?>> rows = new ArrayList<>();
        boolean any = false;
        for (NeuronClustering nc : set.byKey().values()) {
            PreferenceSweep sweep = nc.clustering().sweep();
            if (sweep == null) {
                continue;
            }
            any = true;
            String kind = nc.key().kind() == FeatureKind.ACE ? "ACE" : "act";
            double[] counts = new double[sweep.clusterCounts().length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = sweep.converged()[i] ? sweep.clusterCounts()[i] : Double.NaN;
                rows.add(List.of(nc.key().kind().id(), nc.key().alphaLabel(), sweep.preferences()[i], sweep.clusterCounts()[i],
                        sweep.converged()[i], sweep.chosen()));
            }
            int onLogScale = counts.length - 1; // the last grid point is p_max itself: distance 0
            double pMax = sweep.preferences()[onLogScale];
            double[] distance = new double[onLogScale];
            for (int i = 0; i < onLogScale; i++) {
                distance[i] = pMax - sweep.preferences()[i];
            }
            chart.series(kind + " sweep (a=" + nc.key().alphaLabel() + ")", distance, java.util.Arrays.copyOf(counts, onLogScale), true);
            sweep.chosenPlateau().ifPresent(p -> chart.band(pMax - p.from(), pMax - p.to(), kind + " plateau " + p.fewestClusters()
                    + (p.mostClusters() > p.fewestClusters() ? "-" + p.mostClusters() : "") + " clusters"));
            if (!(pMax - sweep.chosen() > 0)) {
                continue; // a chosen preference at p_max (or above) lies off the log scale: the curve alone
            }
            chart.marker(pMax - sweep.chosen(), kind + " chosen " + String.format(java.util.Locale.ROOT, "%.3g", sweep.chosen()));
            List<NeuronClustering> sameKind = set.byKey().values().stream().filter(o -> o.key().kind() == nc.key().kind()
                    && o.clustering().converged()).toList();
            double[] at = new double[sameKind.size()];
            double[] clusters = new double[sameKind.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = pMax - sweep.chosen();
                clusters[i] = sameKind.get(i).clustering().clusterCount();
            }
            chart.points(kind + ": each alpha at the chosen", at, clusters);
        }
        if (any) {
            FigureFiles.pngWithData(context, FigureNames.PREFERENCE_SWEEP, chart.render(),
                    List.of("kind", "alpha", "preference", "clusters", "converged", "chosen_preference"), rows,
                    "figure 3.5: number of clusters against the affinity propagation preference");
        }
    }
}

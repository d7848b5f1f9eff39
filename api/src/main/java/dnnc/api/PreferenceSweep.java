package dnnc.api;

import java.util.List;
import java.util.Optional;

/**
 * Cluster count per preference, the stable plateaus found on it (widest first) and the preference chosen: the
 * middle of the widest plateau on which every clustering it is applied to converges.
 */
public record PreferenceSweep(double[] preferences, int[] clusterCounts, boolean[] converged, double chosen, List<Plateau> plateaus) implements java.io.Serializable {
    public PreferenceSweep {
        plateaus = List.copyOf(plateaus);
    }

    public PreferenceSweep(double[] preferences, int[] clusterCounts, boolean[] converged, double chosen) {
        this(preferences, clusterCounts, converged, chosen, List.of());
    }

    /** Consecutive grid points from preference {@code from} to {@code to} whose cluster counts stay within a tolerance. */
    public record Plateau(double from, double to, double middle, int fewestClusters, int mostClusters) implements java.io.Serializable {
        public boolean contains(double preference) {
            return preference >= Math.min(from, to) && preference <= Math.max(from, to);
        }
    }

    /** The same sweep with another preference chosen (another plateau's middle, when the first did not converge everywhere). */
    public PreferenceSweep choosing(double preference) {
        return new PreferenceSweep(preferences, clusterCounts, converged, preference, plateaus);
    }

    /** The plateau the chosen preference lies on, if any. */
    public Optional<Plateau> chosenPlateau() {
        return plateaus.stream().filter(p -> p.contains(chosen)).findFirst();
    }
}

package dnnc.api;

import java.util.List;
import java.util.Map;

/**
 * Labels 0..clusterCount-1 per variable (-1 when no cluster formed). {@code converged} is false when the
 * algorithm stopped at its iteration limit; {@code sweep} is set when the parameters were chosen by a sweep.
 * {@code facts}: how the result was reached, recorded beside it (e.g. the damping and iteration limit of the fit
 * that converged, and how many fits were tried).
 */
public record Clustering(int[] labels, int clusterCount, int iterations, boolean converged,
                         List<String> warnings, PreferenceSweep sweep, Map<String, Object> facts) implements java.io.Serializable {
    public Clustering {
        facts = Map.copyOf(facts);
    }

    public Clustering(int[] labels, int clusterCount, int iterations, boolean converged, List<String> warnings, PreferenceSweep sweep) {
        this(labels, clusterCount, iterations, converged, warnings, sweep, Map.of());
    }

    /** The same result with the sweep that chose its settings attached. */
    public Clustering withSweep(PreferenceSweep chosenBy) {
        return new Clustering(labels, clusterCount, iterations, converged, warnings, chosenBy, facts);
    }
}

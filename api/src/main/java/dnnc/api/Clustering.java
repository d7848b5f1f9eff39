package dnnc.api;

import java.util.List;

/**
 * Labels 0..clusterCount-1 per variable (-1 when no cluster formed). {@code converged} is false when the
 * algorithm stopped at its iteration limit; {@code sweep} is set when the parameters were chosen by a sweep.
 */
public record Clustering(int[] labels, int clusterCount, int iterations, boolean converged,
                         List<String> warnings, PreferenceSweep sweep) implements java.io.Serializable {
}

package dnnc.api;

/** Cluster count per preference, and the preference chosen (middle of the widest stable plateau). */
public record PreferenceSweep(double[] preferences, int[] clusterCounts, boolean[] converged, double chosen) implements java.io.Serializable {
}

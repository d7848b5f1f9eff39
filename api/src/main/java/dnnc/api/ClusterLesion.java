package dnnc.api;

/** The damage of lesioning one cluster against random lesions of the same size and per-layer counts. */
public record ClusterLesion(FeatureKey key, int cluster, int[] neurons, int hidden, double damage, double pValue,
                            double[] randomDamages) {
}

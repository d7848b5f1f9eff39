package dnnc.api;

import java.util.Map;

/**
 * The clustering settings a main analysis settled per feature kind (e.g. affinity propagation's preference from
 * its sweep), with the algorithm and parameter values they were settled for. A repeat of the analysis with the
 * same algorithm and parameters reuses them, so repeats differ by their seeds only and their partitions are
 * comparable (and the sweep, the costliest part of clustering, runs once per study).
 */
public record SettledClustering(String algorithm, Map<String, String> parameters,
                                Map<FeatureKind, ClusteringAlgorithm.Calibration> byKind) {
    public SettledClustering {
        parameters = Map.copyOf(parameters);
        byKind = Map.copyOf(byKind);
    }

    /** Whether these settings were settled for this very algorithm configuration. */
    public boolean appliesTo(ClusteringAlgorithm algorithm) {
        return this.algorithm.equals(algorithm.name()) && parameters.equals(algorithm.parameterValues());
    }
}

package dnnc.api;

import java.util.Map;

public record ClusteringSet(String algorithm, String measure, int input, NeuronLayout layout,
                            Map<FeatureKey, NeuronClustering> byKey) {
}

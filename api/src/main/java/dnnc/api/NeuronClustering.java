package dnnc.api;

/** A clustering of every neuron of a layout: {@code labels[global]} is -1 for neurons left out as constant. */
public record NeuronClustering(FeatureKey key, int[] labels, Clustering clustering) implements java.io.Serializable {
}

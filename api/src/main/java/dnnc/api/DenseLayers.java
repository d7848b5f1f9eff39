package dnnc.api;

import java.util.List;

/**
 * A feed-forward network of dense layers as its weights, for writing it to a file that other tools open:
 * {@code weights.get(l)} is [size_l][size_{l+1}] (row-major, inputs first), {@code biases.get(l)} has size_{l+1}
 * values, {@code activations.get(l)} ("relu", "sigmoid" or "identity") is applied to layer l+1, and
 * {@code names.get(l)} names layer l (layer 0: the input).
 */
public record DenseLayers(List<String> names, List<float[][]> weights, List<float[]> biases, List<String> activations) {
    public DenseLayers {
        names = List.copyOf(names);
        weights = List.copyOf(weights);
        biases = List.copyOf(biases);
        activations = List.copyOf(activations);
    }
}

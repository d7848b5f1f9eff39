package dnnc.api;

/** Attribution of one neuron's value to each input (saliency, integrated gradients), averaged over draws. */
public record NeuronAttribution(int layer, int neuron, double[] perInput, double[] standardError) {
}

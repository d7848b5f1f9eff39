package dnnc.api;

/**
 * Every layer's activations for a batch: {@code values[layer]} is row-major batch x layer size, or null
 * for layers that were not computed (below the layer a {@link NetworkProbe#resume} started from).
 */
public record Activations(int batch, int[] layerSizes, float[][] values) {
    public float get(int sample, int layer, int neuron) {
        return values[layer][sample * layerSizes[layer] + neuron];
    }

    public float[] layer(int layer) {
        return values[layer];
    }

    public float[] output() {
        return values[values.length - 1];
    }
}

package dnnc.api;

import java.util.List;

/**
 * Runs a feed-forward network with interventions and lesions and returns every layer's activations. Inputs
 * and outputs are row-major {@code batch x size} float arrays. Lesions force a neuron's output (post
 * activation function; the input value itself for layer 0) to 0.
 */
public interface NetworkProbe {
    List<Layer> layers();

    default NeuronLayout layout() {
        return new NeuronLayout(layers());
    }

    default int inputSize() {
        return layers().get(0).size();
    }

    /** Forward pass with the interventions applied to (a copy of) the inputs first. */
    Activations forward(float[] inputs, int batch, List<Intervention> interventions, Lesion lesion);

    default Activations forward(float[] inputs, int batch, Lesion lesion) {
        return forward(inputs, batch, List.of(), lesion);
    }

    /**
     * Forward pass without lesion, with every layer's activations side by side: row-major {@code batch x
     * layout().total()}, each row holding layer 0's values from {@code layout().offset(0)}, layer 1's from
     * {@code layout().offset(1)}, and so on. The values equal {@link #forward}'s bit for bit.
     */
    default float[] forwardNeuronRows(float[] inputs, int batch) {
        float[] rows = new float[Math.multiplyExact(batch, layout().total())];
        forwardNeuronRows(inputs, batch, rows);
        return rows;
    }

    /**
     * {@link #forwardNeuronRows(float[], int)} into the first {@code batch x layout().total()} floats of
     * {@code rows}, so a caller running many batches can reuse one array. Probes that can write the rows in place
     * (rather than per layer, then copied) override this.
     */
    default void forwardNeuronRows(float[] inputs, int batch, float[] rows) {
        Activations activations = forward(inputs, batch, Lesion.none());
        NeuronLayout layout = layout();
        int total = layout.total();
        if (rows.length < (long) batch * total) {
            throw new IllegalArgumentException("need " + (long) batch * total + " floats for the rows, got " + rows.length);
        }
        for (int l = 0; l < layout.layers().size(); l++) {
            int size = layout.layers().get(l).size();
            int offset = layout.offset(l);
            float[] layer = activations.layer(l);
            for (int s = 0; s < batch; s++) {
                System.arraycopy(layer, s * size, rows, s * total + offset, size);
            }
        }
    }

    /**
     * Recomputes from {@code layer} upward: {@code layerActivations} are that layer's intact activations, the
     * lesion is applied to it and to every later layer. Entries below {@code layer} in the result are null.
     * Equal to a full forward pass with the same lesion whenever the lesion touches nothing below {@code layer}.
     */
    Activations resume(int layer, float[] layerActivations, int batch, Lesion lesion);

    /**
     * Forward pass with do(unit = value) on units of any layer (layer 0: input features). Probes whose hidden units
     * cannot be set take input interventions only.
     */
    default Activations intervene(float[] inputs, int batch, List<UnitValue> values, Lesion lesion) {
        if (values.stream().anyMatch(v -> v.layer() != 0)) {
            throw new InvalidInputException("this network sets input features only; do() on hidden units needs a network opened from a file");
        }
        return forward(inputs, batch, values.stream().map(v -> new Intervention(v.unit(), v.value())).toList(), lesion);
    }

    /** The network as dense layers' weights, when it is one (for export); empty otherwise. */
    default java.util.Optional<DenseLayers> denseLayers() {
        return java.util.Optional.empty();
    }

    /** Whether {@link #resume} is cheaper than a full forward pass (else lesions are evaluated by forward passes). */
    default boolean resumes() {
        return true;
    }

    /** d(neuron of layer)/d(input), row-major {@code batch x inputSize}, at the given inputs and lesion. */
    float[] inputGradient(float[] inputs, int batch, int layer, int neuron, Lesion lesion);
}

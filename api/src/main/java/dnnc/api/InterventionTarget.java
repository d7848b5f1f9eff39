package dnnc.api;

/**
 * What one do() of a network attribution sets at once: {@code units} of layer {@code layer} of the probe's layout
 * (layer 0: input features, e.g. the pixels of one image patch; a hidden layer: units of a probed tensor).
 */
public record InterventionTarget(String label, int layer, int[] units) {
    public InterventionTarget {
        units = units.clone();
    }

    @Override
    public int[] units() {
        return units.clone();
    }
}

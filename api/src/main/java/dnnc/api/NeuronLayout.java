package dnnc.api;

import java.util.List;

/** Numbers every neuron of a network 0..total-1, layer by layer, so neurons of all layers can be clustered together. */
public record NeuronLayout(List<Layer> layers) implements java.io.Serializable {
    public int total() {
        return layers.stream().mapToInt(Layer::size).sum();
    }

    public int offset(int layer) {
        int o = 0;
        for (int l = 0; l < layer; l++) {
            o += layers.get(l).size();
        }
        return o;
    }

    public int global(int layer, int index) {
        return offset(layer) + index;
    }

    public int layerOf(int global) {
        int o = 0;
        for (int l = 0; l < layers.size(); l++) {
            o += layers.get(l).size();
            if (global < o) {
                return l;
            }
        }
        throw new IndexOutOfBoundsException("neuron " + global + " of " + o);
    }

    public int indexInLayer(int global) {
        return global - offset(layerOf(global));
    }

    /** Hidden layers are all but the first (inputs) and the last (outputs). */
    public boolean isHidden(int global) {
        int l = layerOf(global);
        return l > 0 && l < layers.size() - 1;
    }
}

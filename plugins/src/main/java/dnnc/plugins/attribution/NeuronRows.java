package dnnc.plugins.attribution;

import dnnc.api.Activations;
import dnnc.api.NeuronLayout;

/** Lays every layer's activations side by side: one row per sample, one column per neuron of the layout. */
final class NeuronRows {
    private NeuronRows() {
    }

    static float[] of(Activations activations, NeuronLayout layout) {
        int total = layout.total();
        int batch = activations.batch();
        float[] rows = new float[Math.multiplyExact(batch, total)];
        for (int l = 0; l < layout.layers().size(); l++) {
            int size = layout.layers().get(l).size();
            int offset = layout.offset(l);
            float[] layer = activations.layer(l);
            for (int s = 0; s < batch; s++) {
                System.arraycopy(layer, s * size, rows, s * total + offset, size);
            }
        }
        return rows;
    }
}

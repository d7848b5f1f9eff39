package dnnc.plugins.lesion;

import dnnc.api.Activations;
import dnnc.api.Intervention;
import dnnc.api.Layer;
import dnnc.api.Lesion;
import dnnc.api.NetworkProbe;

import java.util.List;

/** A probe that is not a DenseNetworkProbe, so the engine must take its generic resume path. */
final class ForwardingProbe implements NetworkProbe {
    private final NetworkProbe inner;

    ForwardingProbe(NetworkProbe inner) {
        this.inner = inner;
    }

    @Override
    public List<Layer> layers() {
        return inner.layers();
    }

    @Override
    public Activations forward(float[] inputs, int batch, List<Intervention> interventions, Lesion lesion) {
        return inner.forward(inputs, batch, interventions, lesion);
    }

    @Override
    public Activations resume(int layer, float[] layerActivations, int batch, Lesion lesion) {
        return inner.resume(layer, layerActivations, batch, lesion);
    }

    @Override
    public float[] inputGradient(float[] inputs, int batch, int layer, int neuron, Lesion lesion) {
        return inner.inputGradient(inputs, batch, layer, neuron, lesion);
    }
}

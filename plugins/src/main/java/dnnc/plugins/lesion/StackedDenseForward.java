package dnnc.plugins.lesion;

import dnnc.api.Lesion;
import dnnc.plugins.network.DenseNetworkProbe;

import java.util.List;

/**
 * Runs several lesions of a {@link DenseNetworkProbe} as one batch: the intact rows are shared, each lesion's
 * rows get its own masks, and all lesions' row chunks go through the probe's thread pool together
 * ({@link DenseNetworkProbe#resumeOutputs}). Each lesion's output equals {@code probe.resume} with that lesion bit
 * for bit (checked by the engine's tests); what it saves is the per-call overhead of many small forward passes.
 */
final class StackedDenseForward {
    private final DenseNetworkProbe probe;

    StackedDenseForward(DenseNetworkProbe probe) {
        this.probe = probe;
    }

    /**
     * Outputs of every lesion, resumed from {@code layer} whose intact activations are {@code layerActivations}
     * ({@code rows} x size). No lesion may touch a layer below {@code layer}.
     */
    List<float[]> outputs(int layer, float[] layerActivations, int rows, List<Lesion> lesions) {
        return probe.resumeOutputs(layer, layerActivations, rows, lesions);
    }
}

package dnnc.plugins.lesion;

import dnnc.api.Lesion;
import dnnc.plugins.network.DenseNetworkProbe;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs several lesions of a {@link DenseNetworkProbe} as one tall batch: the same intact rows are stacked once
 * per lesion and each lesion's block of rows gets its own 0/1 mask. It uses the probe's own weights and exactly
 * the probe's sequence of ND4J operations, so each block equals {@code probe.resume} with that lesion bit for
 * bit (checked by the engine's tests); what it saves is the per-call overhead of many small GEMMs.
 */
final class StackedDenseForward {
    private final int[] sizes;
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final DenseNetworkProbe.Activation[] activations;

    StackedDenseForward(DenseNetworkProbe probe) {
        this.sizes = probe.layers().stream().mapToInt(dnnc.api.Layer::size).toArray();
        int depth = sizes.length - 1;
        this.weights = new INDArray[depth];
        this.biases = new INDArray[depth];
        this.activations = new DenseNetworkProbe.Activation[depth];
        for (int c = 0; c < depth; c++) {
            weights[c] = Nd4j.createFromArray(probe.weights(c)).castTo(DataType.FLOAT);
            biases[c] = Nd4j.createFromArray(probe.biases(c)).reshape(1, sizes[c + 1]);
            activations[c] = probe.activation(c);
        }
    }

    /**
     * Outputs of every lesion, resumed from {@code layer} whose intact activations are {@code layerActivations}
     * ({@code rows} x size). No lesion may touch a layer below {@code layer}.
     */
    List<float[]> outputs(int layer, float[] layerActivations, int rows, List<Lesion> lesions) {
        int m = lesions.size();
        int width = sizes[layer];
        float[] tiled = new float[Math.multiplyExact(m, rows * width)];
        for (int j = 0; j < m; j++) {
            if (lesions.get(j).firstLayer() < layer) {
                throw new IllegalArgumentException("lesion touches layer " + lesions.get(j).firstLayer() + " below " + layer);
            }
            System.arraycopy(layerActivations, 0, tiled, j * rows * width, rows * width);
        }
        INDArray h = Nd4j.create(tiled, new long[] {(long) m * rows, width}, 'c');
        applyMasks(h, layer, rows, lesions);
        for (int c = layer; c < weights.length; c++) {
            h = DenseNetworkProbe.activate(h.mmul(weights[c]).addiRowVector(biases[c]), activations[c]);
            applyMasks(h, c + 1, rows, lesions);
        }
        float[] all = h.data().asFloat();
        int out = sizes[sizes.length - 1];
        List<float[]> split = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            split.add(Arrays.copyOfRange(all, j * rows * out, (j + 1) * rows * out));
        }
        return split;
    }

    private void applyMasks(INDArray h, int layer, int rows, List<Lesion> lesions) {
        if (lesions.stream().allMatch(l -> l.neuronsIn(layer).length == 0)) {
            return;
        }
        int width = sizes[layer];
        float[] mask = new float[lesions.size() * rows * width];
        Arrays.fill(mask, 1f);
        for (int j = 0; j < lesions.size(); j++) {
            int[] dead = lesions.get(j).neuronsIn(layer);
            for (int r = j * rows; r < (j + 1) * rows; r++) {
                for (int n : dead) {
                    mask[r * width + n] = 0f;
                }
            }
        }
        h.muli(Nd4j.create(mask, new long[] {(long) lesions.size() * rows, width}, 'c'));
    }
}

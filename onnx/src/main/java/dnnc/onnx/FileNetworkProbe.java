package dnnc.onnx;

import dnnc.api.Activations;
import dnnc.api.Intervention;
import dnnc.api.InvalidInputException;
import dnnc.api.Layer;
import dnnc.api.Lesion;
import dnnc.api.NetworkProbe;
import dnnc.api.NetworkSummary;
import dnnc.api.OpenNetwork;
import dnnc.api.Tensor;
import dnnc.api.TensorInfo;
import dnnc.api.UnitEdits;
import dnnc.api.UnitValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An opened network file as a {@link NetworkProbe}: layer 0 is the input's features (flattened), then one layer per
 * probed tensor with one neuron per unit, then the graph output (flattened). A unit of a convolutional tensor is a
 * channel; its activation is the channel's mean over the spatial axes. Lesions and do() on hidden units go through
 * the instrumented graph's keep/set inputs; lesions and do() on input features are applied to the rows fed.
 */
final class FileNetworkProbe implements NetworkProbe {
    private final OpenNetwork network;
    private final long[] rowShape;
    private final int batchSize;
    private final List<TensorInfo> hidden;
    private final List<Layer> layers = new ArrayList<>();

    /** Input gradients by finite differences for inputs of at most this many features, unless a plugin says otherwise. */
    static final int DEFAULT_GRADIENT_INPUTS = 256;

    private final FiniteDifferenceGradients gradients;

    /**
     * The opened network as a probe, fed rows of its input's shape after the batch axis; its input gradients come
     * from finite differences when the input has at most {@code gradientInputs} features.
     */
    static FileNetworkProbe open(OpenNetwork network, int batchSize, int gradientInputs) {
        return new FileNetworkProbe(network, rowShape(network.summary().file(), network.summary().inputs().get(0)), batchSize, gradientInputs);
    }

    /** The input's shape after its batch axis; every one of those axes must be fixed. */
    static long[] rowShape(String file, TensorInfo in) {
        long[] shape = in.shape();
        long[] row = java.util.Arrays.copyOfRange(shape, 1, shape.length);
        if (java.util.Arrays.stream(row).anyMatch(d -> d < 0)) {
            throw new InvalidInputException(file + ": input '" + in.name() + "' has shape " + Tensor.shapeText(shape)
                    + "; dnnc needs every axis but the batch fixed (export with dynamic_axes on the batch axis only)");
        }
        return row;
    }

    private FileNetworkProbe(OpenNetwork network, long[] rowShape, int batchSize, int gradientInputs) {
        this.network = network;
        this.rowShape = rowShape.clone();
        this.batchSize = batchSize;
        NetworkSummary summary = network.summary();
        TensorInfo output = summary.outputs().get(0);
        this.hidden = summary.probed().stream().filter(t -> !t.name().equals(output.name())).toList();
        layers.add(new Layer("input", Math.toIntExact(Tensor.elementCount(rowShape))));
        hidden.forEach(t -> layers.add(new Layer(t.name(), t.units())));
        layers.add(new Layer(OnnxNetwork.OUTPUT, Math.toIntExact(perRow(output.shape()))));
        this.gradients = new FiniteDifferenceGradients(this, gradientInputs, summary.file());
    }

    private static long perRow(long[] shape) {
        long n = 1;
        for (int i = 1; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new InvalidInputException("the network's output has an axis of unknown length " + Tensor.shapeText(shape)
                        + "; dnnc analyses outputs of fixed size per row");
            }
            n *= shape[i];
        }
        return n;
    }

    @Override
    public List<Layer> layers() {
        return layers;
    }

    @Override
    public Activations forward(float[] inputs, int batch, List<Intervention> interventions, Lesion lesion) {
        return intervene(inputs, batch, interventions.stream().map(i -> new UnitValue(0, i.input(), i.value())).toList(), lesion);
    }

    @Override
    public Activations intervene(float[] inputs, int batch, List<UnitValue> values, Lesion lesion) {
        float[] fed = inputs.clone();
        int width = layers.get(0).size();
        Map<String, int[]> lesions = new HashMap<>();
        lesion.neuronsByLayer().forEach((layer, units) -> {
            if (layer == 0) {
                for (int b = 0; b < batch; b++) {
                    for (int u : units) {
                        fed[b * width + u] = 0f;
                    }
                }
            } else {
                lesions.put(tensorOf(layer), units);
            }
        });
        Map<String, Map<Integer, Float>> set = new HashMap<>();
        for (UnitValue v : values) {
            if (v.layer() == 0) {
                for (int b = 0; b < batch; b++) {
                    fed[b * width + v.unit()] = v.value();
                }
            } else {
                set.computeIfAbsent(tensorOf(v.layer()), k -> new HashMap<>()).put(v.unit(), v.value());
            }
        }
        long[] shape = new long[rowShape.length + 1];
        shape[0] = batch;
        System.arraycopy(rowShape, 0, shape, 1, rowShape.length);
        Map<String, Tensor> out = network.run(new Tensor(shape, fed), new UnitEdits(lesions, set), batchSize);
        float[][] perLayer = new float[layers.size()][];
        perLayer[0] = fed;
        for (int l = 0; l < hidden.size(); l++) {
            perLayer[l + 1] = unitMeans(out.get(hidden.get(l).name()), hidden.get(l).units());
        }
        perLayer[layers.size() - 1] = out.get(OnnxNetwork.OUTPUT).values();
        return new Activations(batch, layers.stream().mapToInt(Layer::size).toArray(), perLayer);
    }

    /** Tensor name of a layer the graph instruments: a hidden tensor, or the output ({@code output} in edits). */
    private String tensorOf(int layer) {
        if (layer == layers.size() - 1) {
            if (layers.get(layer).size() != network.summary().outputs().get(0).units()) {
                throw new InvalidInputException("the output of " + network.summary().file() + " has units of several values each "
                        + Tensor.shapeText(network.summary().outputs().get(0).shape()) + "; lesion hidden units only (scope=hidden)");
            }
            return OnnxNetwork.OUTPUT;
        }
        return hidden.get(layer - 1).name();
    }

    /** One value per unit: the element of a (rows, units) tensor, the mean of a channel of a (rows, C, ...) tensor. */
    static float[] unitMeans(Tensor t, int units) {
        int rows = t.rows();
        int perRow = t.rowSize();
        if (perRow == units) {
            return t.values();
        }
        int spatial = perRow / units;
        float[] means = new float[rows * units];
        for (int r = 0; r < rows; r++) {
            for (int u = 0; u < units; u++) {
                double sum = 0;
                int base = r * perRow + u * spatial;
                for (int s = 0; s < spatial; s++) {
                    sum += t.values()[base + s];
                }
                means[r * units + u] = (float) (sum / spatial);
            }
        }
        return means;
    }

    @Override
    public boolean resumes() {
        return false;
    }

    /** Not offered: an ONNX session starts from the graph input; lesions are evaluated by forward passes. */
    @Override
    public Activations resume(int layer, float[] layerActivations, int batch, Lesion lesion) {
        throw new UnsupportedOperationException("a network file is run from its input; see resumes()");
    }

    /** ONNX Runtime computes no gradients: central differences of forward passes ({@link FiniteDifferenceGradients}). */
    @Override
    public float[] inputGradient(float[] inputs, int batch, int layer, int neuron, Lesion lesion) {
        return gradients.inputGradient(inputs, batch, layer, neuron, lesion);
    }
}

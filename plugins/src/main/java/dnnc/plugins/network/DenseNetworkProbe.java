package dnnc.plugins.network;

import dnnc.api.Activations;
import dnnc.api.Intervention;
import dnnc.api.Layer;
import dnnc.api.Lesion;
import dnnc.api.NetworkProbe;
import dnnc.api.NeuronLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * A probe over any fully connected feed-forward network given its weights: the decoder of the cVAE, and any
 * other MLP. Computing the layers ourselves (rather than through a SameDiff graph) is what makes lesions at any
 * layer, resuming from an intermediate layer and input gradients exact and cheap.
 */
public final class DenseNetworkProbe implements NetworkProbe {

    /** Activation function of a layer. */
    public enum Activation { RELU, SIGMOID, IDENTITY }

    private final List<Layer> layers;
    private final INDArray[] weights;   // weights[l] maps layer l to layer l+1: [size_l, size_{l+1}]
    private final INDArray[] biases;    // [1, size_{l+1}]
    private final float[][] biasValues; // the same biases as Java arrays, for the SIMD epilogue
    private final Activation[] activations;
    private final NeuronLayout layout;

    /**
     * @param names       one name per layer, inputs first
     * @param weights     weights[l] is [size_l x size_{l+1}], row-major
     * @param biases      biases[l] has size_{l+1} entries
     * @param activations activations[l] is applied to layer l+1
     */
    public DenseNetworkProbe(List<String> names, List<float[][]> weights, List<float[]> biases, List<Activation> activations) {
        int depth = weights.size();
        if (names.size() != depth + 1 || biases.size() != depth || activations.size() != depth) {
            throw new IllegalArgumentException("need one name per layer and one weight, bias and activation per connection");
        }
        this.layers = new ArrayList<>();
        this.weights = new INDArray[depth];
        this.biases = new INDArray[depth];
        this.biasValues = new float[depth][];
        this.activations = activations.toArray(new Activation[0]);
        layers.add(new Layer(names.get(0), weights.get(0).length));
        for (int l = 0; l < depth; l++) {
            float[][] w = weights.get(l);
            if (w.length != layers.get(l).size() || biases.get(l).length != w[0].length) {
                throw new IllegalArgumentException("connection " + l + " has inconsistent shapes");
            }
            this.weights[l] = Nd4j.createFromArray(w).castTo(DataType.FLOAT);
            this.biases[l] = Nd4j.createFromArray(biases.get(l)).reshape(1, w[0].length);
            this.biasValues[l] = biases.get(l).clone();
            layers.add(new Layer(names.get(l + 1), w[0].length));
        }
        this.layout = new NeuronLayout(layers);
    }

    @Override
    public List<Layer> layers() {
        return List.copyOf(layers);
    }

    /** Weights of connection l as [size_l][size_{l+1}] (a copy). */
    public float[][] weights(int connection) {
        return weights[connection].toFloatMatrix();
    }

    public float[] biases(int connection) {
        return biases[connection].toFloatVector();
    }

    @Override
    public java.util.Optional<dnnc.api.DenseLayers> denseLayers() {
        List<float[][]> w = new ArrayList<>();
        List<float[]> b = new ArrayList<>();
        List<String> a = new ArrayList<>();
        for (int l = 0; l < weights.length; l++) {
            w.add(weights(l));
            b.add(biases(l));
            a.add(activations[l].name().toLowerCase(java.util.Locale.ROOT));
        }
        return java.util.Optional.of(new dnnc.api.DenseLayers(layers.stream().map(Layer::name).toList(), w, b, a));
    }

    public Activation activation(int connection) {
        return activations[connection];
    }

    @Override
    public Activations forward(float[] inputs, int batch, List<Intervention> interventions, Lesion lesion) {
        int in = layers.get(0).size();
        checkLength(inputs, batch, in);
        float[] x = inputs.clone();
        for (Intervention iv : interventions) {
            if (iv.input() < 0 || iv.input() >= in) {
                throw new IllegalArgumentException("intervention on input " + iv.input() + " of " + in);
            }
            for (int s = 0; s < batch; s++) {
                x[s * in + iv.input()] = iv.value();
            }
        }
        return resume(0, x, batch, lesion);
    }

    @Override
    public Activations resume(int layer, float[] layerActivations, int batch, Lesion lesion) {
        checkLength(layerActivations, batch, layers.get(layer).size());
        float[][] values = new float[layers.size()][];
        INDArray[] masks = new INDArray[layers.size()];
        for (int l = layer; l < layers.size(); l++) {
            values[l] = new float[Math.multiplyExact(batch, layers.get(l).size())];
            masks[l] = mask(l, lesion);
        }
        System.arraycopy(layerActivations, 0, values[layer], 0, layerActivations.length);
        RowChunks.run(batch, (from, to, scratch) -> forwardRows(layer, values, masks, from, to, scratch,
                (l, matrix) -> {
                    // the starting layer's values are already there unless a mask changed them
                    if (l != layer || masks[layer] != null) {
                        int width = layers.get(l).size();
                        matrix.data().asNioFloat().get(values[l], from * width, (to - from) * width);
                    }
                }));
        return new Activations(batch, sizes(), values);
    }

    /**
     * Written row by row straight from each layer's chunk into the side-by-side layout, with no per-layer arrays.
     * The chunks go to the shared pool like every forward's: running them on the caller's thread instead (the ACE
     * already has a thread per core) left a core idle whenever one thread fell behind, e.g. while the JIT
     * compiled (ACE of z_1 in a fresh JVM, calls 2-4: 0.16-0.18 s against 0.13-0.15 s through the pool).
     */
    @Override
    public void forwardNeuronRows(float[] inputs, int batch, float[] rows) {
        checkLength(inputs, batch, layers.get(0).size());
        int total = layout.total();
        float[][] values = new float[layers.size()][];
        values[0] = inputs;
        int[] offsets = java.util.stream.IntStream.range(0, layers.size()).map(layout::offset).toArray();
        INDArray[] noMasks = new INDArray[layers.size()];
        RowChunks.run(batch, (from, to, scratch) -> forwardRows(0, values, noMasks, from, to, scratch,
                (l, matrix) -> {
                    int width = layers.get(l).size();
                    java.nio.FloatBuffer layer = matrix.data().asNioFloat();
                    for (int r = 0; r < to - from; r++) {
                        layer.get(r * width, rows, (from + r) * total + offsets[l], width);
                    }
                }));
    }

    /** Receives each layer's final values of a chunk (rows x size, in a scratch matrix that is reused afterwards). */
    private interface LayerSink {
        void accept(int layer, INDArray matrix);
    }

    /**
     * The output of each lesion resumed from {@code layer}, whose intact activations ({@code rows} x size) are
     * shared by all: the lesions' rows are run as one batch of chunks over the pool (chunks restart at each
     * lesion's first row), with nothing but the outputs kept. Each result equals {@code resume(layer, ...,
     * lesion).output()} bit for bit; no lesion may touch a layer below {@code layer}.
     */
    public List<float[]> resumeOutputs(int layer, float[] layerActivations, int rows, List<Lesion> lesions) {
        checkLength(layerActivations, rows, layers.get(layer).size());
        int outputs = layers.get(layers.size() - 1).size();
        float[][] results = new float[lesions.size()][];
        INDArray[][] masks = new INDArray[lesions.size()][layers.size()];
        for (int j = 0; j < lesions.size(); j++) {
            if (lesions.get(j).firstLayer() < layer) {
                throw new IllegalArgumentException("lesion touches layer " + lesions.get(j).firstLayer() + " below " + layer);
            }
            results[j] = new float[Math.multiplyExact(rows, outputs)];
            for (int l = layer; l < layers.size(); l++) {
                masks[j][l] = mask(l, lesions.get(j));
            }
        }
        float[][] values = new float[layers.size()][];
        values[layer] = layerActivations;
        // only the outputs are kept; chunks restart at each lesion's first row, so every lesion sees exactly resume()'s chunking
        int chunksPerLesion = (rows + RowChunks.CHUNK_ROWS - 1) / RowChunks.CHUNK_ROWS;
        RowChunks.runTasks(lesions.size() * chunksPerLesion, (task, scratch) -> {
            int j = task / chunksPerLesion;
            int from = (task % chunksPerLesion) * RowChunks.CHUNK_ROWS;
            int to = Math.min(rows, from + RowChunks.CHUNK_ROWS);
            INDArray out = forwardRows(layer, values, masks[j], from, to, scratch, (l, matrix) -> { });
            out.data().asNioFloat().get(results[j], from * outputs, (to - from) * outputs);
        });
        return java.util.Arrays.asList(results);
    }

    /**
     * Rows [from, to) from {@code layer} upward, in per-thread scratch arrays: GEMM, bias, activation and
     * lesion mask per layer, each layer (the starting one included) handed to {@code sink} once final.
     * Returns the last layer's scratch matrix.
     */
    private INDArray forwardRows(int layer, float[][] values, INDArray[] masks, int from, int to, RowChunks.Scratch scratch,
                                 LayerSink sink) {
        int rows = to - from;
        int width = layers.get(layer).size();
        INDArray h = scratch.matrix(layer, rows, width);
        h.data().asNioFloat().put(values[layer], from * width, rows * width);
        if (masks[layer] != null) {
            ReachableOps.mulRowVector(h, masks[layer]);
        }
        sink.accept(layer, h);
        for (int l = layer; l < weights.length; l++) {
            int next = layers.get(l + 1).size();
            INDArray z = scratch.matrix(l + 1, rows, next);
            DenseGemm.multiply(h, weights[l], z);
            BiasActivation.apply(z, biases[l], biasValues[l], activations[l]);
            if (masks[l + 1] != null) {
                ReachableOps.mulRowVector(z, masks[l + 1]);
            }
            sink.accept(l + 1, z);
            h = z;
        }
        return h;
    }

    @Override
    public float[] inputGradient(float[] inputs, int batch, int layer, int neuron, Lesion lesion) {
        int in = layers.get(0).size();
        checkLength(inputs, batch, in);
        if (layer < 0 || layer >= layers.size() || neuron < 0 || neuron >= layers.get(layer).size()) {
            throw new IllegalArgumentException("no neuron " + neuron + " in layer " + layer);
        }
        INDArray[] post = new INDArray[layer + 1];
        INDArray[] pre = new INDArray[layer + 1];
        post[0] = Nd4j.create(inputs.clone(), new long[] {batch, in}, 'c');
        applyLesion(post[0], 0, lesion);
        for (int l = 0; l < layer; l++) {
            pre[l + 1] = ReachableOps.addRowVector(post[l].mmul(weights[l]), biases[l]);
            post[l + 1] = activate(pre[l + 1].dup(), activations[l]);
            applyLesion(post[l + 1], l + 1, lesion);
        }
        // d y / d post[layer]: a one-hot column, zero if the neuron itself is lesioned
        INDArray grad = Nd4j.zeros(DataType.FLOAT, batch, layers.get(layer).size());
        grad.getColumn(neuron).assign(1f);
        applyLesion(grad, layer, lesion);
        for (int l = layer; l > 0; l--) {
            INDArray dPre = grad.mul(derivative(pre[l], post[l], activations[l - 1]));
            grad = dPre.mmul(weights[l - 1].transpose());
            applyLesion(grad, l - 1, lesion);
        }
        return grad.data().asFloat();
    }

    /** The activation in place (the one implementation every dense forward in dnnc uses, for equal results). */
    public static INDArray activate(INDArray z, Activation a) {
        return switch (a) {
            case RELU -> ReachableOps.relu(z);
            case SIGMOID -> Sigmoid.inPlace(z);
            case IDENTITY -> z;
        };
    }

    /** Derivative of the activation at the pre-activation, using the post-activation where cheaper. */
    private static INDArray derivative(INDArray pre, INDArray post, Activation a) {
        return switch (a) {
            case RELU -> pre.gt(0).castTo(DataType.FLOAT);
            case SIGMOID -> {
                INDArray s = Sigmoid.inPlace(pre.dup());
                yield s.mul(s.rsub(1f));
            }
            case IDENTITY -> Nd4j.onesLike(pre);
        };
    }

    private void applyLesion(INDArray h, int layer, Lesion lesion) {
        INDArray mask = mask(layer, lesion);
        if (mask != null) {
            ReachableOps.mulRowVector(h, mask);
        }
    }

    /** The 0/1 row vector of a layer's lesioned neurons, or null when none is lesioned. */
    private INDArray mask(int layer, Lesion lesion) {
        int[] dead = lesion.neuronsIn(layer);
        if (dead.length == 0) {
            return null;
        }
        float[] mask = new float[layers.get(layer).size()];
        java.util.Arrays.fill(mask, 1f);
        for (int n : dead) {
            mask[n] = 0f;
        }
        return Nd4j.createFromArray(mask);
    }

    private int[] sizes() {
        return layers.stream().mapToInt(Layer::size).toArray();
    }

    private static void checkLength(float[] a, int batch, int width) {
        if (a.length != (long) batch * width) {
            throw new IllegalArgumentException("expected " + batch + " x " + width + " values, got " + a.length);
        }
    }
}

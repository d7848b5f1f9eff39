package dnnc.plugins.network;

import dnnc.api.Activations;
import dnnc.api.Intervention;
import dnnc.api.Layer;
import dnnc.api.Lesion;
import dnnc.api.NetworkProbe;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

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
    private final Activation[] activations;

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
        this.activations = activations.toArray(new Activation[0]);
        layers.add(new Layer(names.get(0), weights.get(0).length));
        for (int l = 0; l < depth; l++) {
            float[][] w = weights.get(l);
            if (w.length != layers.get(l).size() || biases.get(l).length != w[0].length) {
                throw new IllegalArgumentException("connection " + l + " has inconsistent shapes");
            }
            this.weights[l] = Nd4j.createFromArray(w).castTo(DataType.FLOAT);
            this.biases[l] = Nd4j.createFromArray(biases.get(l)).reshape(1, w[0].length);
            layers.add(new Layer(names.get(l + 1), w[0].length));
        }
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
        INDArray h = Nd4j.create(layerActivations.clone(), new long[] {batch, layers.get(layer).size()}, 'c');
        applyLesion(h, layer, lesion);
        values[layer] = h.data().asFloat();
        for (int l = layer; l < weights.length; l++) {
            h = activate(h.mmul(weights[l]).addiRowVector(biases[l]), activations[l]);
            applyLesion(h, l + 1, lesion);
            values[l + 1] = h.data().asFloat();
        }
        return new Activations(batch, sizes(), values);
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
            pre[l + 1] = post[l].mmul(weights[l]).addiRowVector(biases[l]);
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

    private static INDArray activate(INDArray z, Activation a) {
        return switch (a) {
            case RELU -> Transforms.relu(z, false);
            case SIGMOID -> Transforms.sigmoid(z, false);
            case IDENTITY -> z;
        };
    }

    /** Derivative of the activation at the pre-activation, using the post-activation where cheaper. */
    private static INDArray derivative(INDArray pre, INDArray post, Activation a) {
        return switch (a) {
            case RELU -> pre.gt(0).castTo(DataType.FLOAT);
            case SIGMOID -> {
                INDArray s = Transforms.sigmoid(pre, true);
                yield s.mul(s.rsub(1f));
            }
            case IDENTITY -> Nd4j.onesLike(pre);
        };
    }

    private void applyLesion(INDArray h, int layer, Lesion lesion) {
        int[] dead = lesion.neuronsIn(layer);
        if (dead.length == 0) {
            return;
        }
        float[] mask = new float[layers.get(layer).size()];
        java.util.Arrays.fill(mask, 1f);
        for (int n : dead) {
            mask[n] = 0f;
        }
        h.muliRowVector(Nd4j.createFromArray(mask));
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

package dnnc.plugins.network;

import dnnc.plugins.network.DenseNetworkProbe.Activation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@link BiasActivation} in SIMD lanes; loaded only when the vector API is present. Values past the last full
 * vector take the scalar twin of each lane's operations, so every value gets the same bits wherever it lies.
 */
final class VectorBiasActivation {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private VectorBiasActivation() {
    }

    /**
     * The bias pass, then the activation's own pass over the whole (cache-warm) matrix: one loop per operation
     * keeps each loop body small enough for C2 to inline its lane operations (a shared loop calling a switch over
     * the activations boxed every vector, slower than ND4J).
     */
    static void apply(ByteBuffer floats, long firstFloat, int rows, float[] bias, Activation activation) {
        int width = bias.length;
        int lanes = SPECIES.length();
        int inLanes = width - width % lanes;
        ByteOrder order = floats.order();
        for (int r = 0; r < rows; r++) {
            int row = Math.toIntExact((firstFloat + (long) r * width) * Float.BYTES);
            int j = 0;
            for (; j < inLanes; j += lanes) {
                int at = row + j * Float.BYTES;
                FloatVector.fromByteBuffer(SPECIES, floats, at, order).add(FloatVector.fromArray(SPECIES, bias, j))
                        .intoByteBuffer(floats, at, order);
            }
            for (; j < width; j++) {
                int at = row + j * Float.BYTES;
                floats.putFloat(at, floats.getFloat(at) + bias[j]);
            }
        }
        long count = (long) rows * width;
        switch (activation) {
            case RELU -> relu(floats, firstFloat, count);
            case SIGMOID -> VectorSigmoid.apply(floats, firstFloat, count);
            case IDENTITY -> { }
        }
    }

    /** ND4J's ReLU: x unless x < 0 (so -0 and NaN pass through, unlike max(x, 0)). */
    static void relu(ByteBuffer floats, long firstFloat, long count) {
        int start = Math.toIntExact(firstFloat * Float.BYTES);
        int end = Math.toIntExact((firstFloat + count) * Float.BYTES);
        int step = SPECIES.length() * Float.BYTES;
        ByteOrder order = floats.order();
        FloatVector zero = FloatVector.zero(SPECIES);
        int b = start;
        for (; b + step <= end; b += step) {
            FloatVector x = FloatVector.fromByteBuffer(SPECIES, floats, b, order);
            x.blend(zero, x.lt(zero)).intoByteBuffer(floats, b, order);
        }
        for (; b < end; b += Float.BYTES) {
            float x = floats.getFloat(b);
            floats.putFloat(b, x < 0f ? 0f : x);
        }
    }
}

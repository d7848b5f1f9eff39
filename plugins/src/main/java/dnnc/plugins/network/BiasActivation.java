package dnnc.plugins.network;

import dnnc.plugins.network.DenseNetworkProbe.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense layer's epilogue: the bias on every row of the GEMM's output, then the activation, in place. With the
 * vector API it is one SIMD pass over the (cache-warm) output in {@link VectorBiasActivation}; ND4J's broadcast
 * add and activation are two passes, each paying ND4J's per-op set-up on every chunk of rows (together ~25 % of
 * the GEMM's own time in the decoder's forward). Both compute the same float operations (x + b, then
 * {@code x < 0 ? 0 : x} or the logistic of {@link Sigmoid}), so they give the same bits.
 */
final class BiasActivation {
    private BiasActivation() {
    }

    /** {@code z} (rows x width) plus {@code bias} on every row, then {@code activation}; biasRow is bias as a 1 x width array. */
    static INDArray apply(INDArray z, INDArray biasRow, float[] bias, Activation activation) {
        if (z.rank() != 2 || !Sigmoid.inLanes(z)) {
            return DenseNetworkProbe.activate(ReachableOps.addRowVector(z, biasRow), activation);
        }
        VectorBiasActivation.apply(Sigmoid.nativeFloats(z), z.offset(), (int) z.rows(), bias, activation);
        return z;
    }
}

package dnnc.plugins.model;

import dnnc.plugins.support.VectorApi;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.ByteBuffer;

/**
 * Adam on a slice of a flat float parameter vector, as ND4J's native updater computes it (bias correction folded
 * into the step size, epsilon outside the square root), with the gradient summed from its chunks in chunk order on
 * the way. ND4J's updater is scalar code and read the gradient, m and v in passes of their own: measured at ~28 %
 * of a cVAE training step. With the vector API present ({@link VectorAdamStep}) the same lanewise float operations
 * run in SIMD registers; both paths round every operation alike (no fused multiply-add), so they give the same bits.
 */
final class AdamStep {
    private static final boolean VECTORISED = VectorApi.usable("dnnc.scalarAdam");

    final float beta1;
    final float beta2;
    final float epsilon;
    private final Adam config;

    /** Adam with {@code config}'s rate (or schedule, which sees step numbers only: epoch 0), betas and epsilon. */
    AdamStep(Adam config) {
        this.config = config;
        this.beta1 = (float) config.getBeta1();
        this.beta2 = (float) config.getBeta2();
        this.epsilon = (float) config.getEpsilon();
    }

    /** The step size of step {@code iteration} (from 0), bias corrections folded in. */
    float stepSize(int iteration) {
        double t = iteration + 1.0;
        return (float) (config.getLearningRate(iteration, 0) * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
    }

    /**
     * Elements [from, to) of the parameters (floats in {@code parameters}, native order) take one Adam step on the
     * gradient summed over {@code chunkGradients} (same layout), updating the moments m and v (indexed alike).
     */
    void apply(ByteBuffer parameters, ByteBuffer[] chunkGradients, int chunks, float[] m, float[] v, int from, int to,
               int iteration) {
        float step = stepSize(iteration);
        int done = VECTORISED ? VectorAdamStep.apply(this, step, parameters, chunkGradients, chunks, m, v, from, to) : from;
        for (int i = done; i < to; i++) {
            int at = i * Float.BYTES;
            float g = chunkGradients[0].getFloat(at);
            for (int c = 1; c < chunks; c++) {
                g = g + chunkGradients[c].getFloat(at);
            }
            m[i] = beta1 * m[i] + (1f - beta1) * g;
            v[i] = beta2 * v[i] + (1f - beta2) * (g * g);
            parameters.putFloat(at, parameters.getFloat(at) - step * m[i] / ((float) Math.sqrt(v[i]) + epsilon));
        }
    }
}

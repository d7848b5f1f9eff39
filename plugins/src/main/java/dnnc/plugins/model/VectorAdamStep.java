package dnnc.plugins.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** {@link AdamStep}'s loop in SIMD lanes; loaded only when the vector API is present. */
final class VectorAdamStep {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private VectorAdamStep() {
    }

    /** Steps whole vectors from {@code from}; returns where the scalar tail starts. */
    static int apply(AdamStep adam, float step, ByteBuffer parameters, ByteBuffer[] chunkGradients, int chunks,
                     float[] m, float[] v, int from, int to) {
        ByteOrder order = ByteOrder.nativeOrder();
        float keep1 = 1f - adam.beta1;
        float keep2 = 1f - adam.beta2;
        int i = from;
        for (; i + SPECIES.length() <= to; i += SPECIES.length()) {
            int at = i * Float.BYTES;
            FloatVector g = FloatVector.fromByteBuffer(SPECIES, chunkGradients[0], at, order);
            for (int c = 1; c < chunks; c++) {
                g = g.add(FloatVector.fromByteBuffer(SPECIES, chunkGradients[c], at, order));
            }
            FloatVector mi = FloatVector.fromArray(SPECIES, m, i).mul(adam.beta1).add(g.mul(keep1));
            FloatVector vi = FloatVector.fromArray(SPECIES, v, i).mul(adam.beta2).add(g.mul(g).mul(keep2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector w = FloatVector.fromByteBuffer(SPECIES, parameters, at, order);
            w.sub(mi.mul(step).div(vi.sqrt().add(adam.epsilon))).intoByteBuffer(parameters, at, order);
        }
        return i;
    }
}

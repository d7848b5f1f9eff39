package dnnc.plugins.network;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;

/** 1 / (1 + exp(-x)) over floats in a (direct) byte buffer, in SIMD lanes; loaded only when the module is present. */
final class VectorSigmoid {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private VectorSigmoid() {
    }

    static void apply(ByteBuffer floats, long firstFloat, long count) {
        int start = Math.toIntExact(firstFloat * Float.BYTES);
        int end = Math.toIntExact((firstFloat + count) * Float.BYTES);
        int step = SPECIES.length() * Float.BYTES;
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        int b = start;
        for (; b + step <= end; b += step) {
            FloatVector x = FloatVector.fromByteBuffer(SPECIES, floats, b, floats.order());
            one.div(x.neg().lanewise(VectorOperators.EXP).add(one)).intoByteBuffer(floats, b, floats.order());
        }
        for (; b < end; b += Float.BYTES) {
            floats.putFloat(b, 1f / (1f + (float) Math.exp(-floats.getFloat(b))));
        }
    }
}

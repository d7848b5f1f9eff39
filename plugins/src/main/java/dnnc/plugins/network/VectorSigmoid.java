package dnnc.plugins.network;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;

/**
 * 1 / (1 + exp(-x)) over floats in a (direct) byte buffer, in SIMD lanes; loaded only when the module is present.
 * <p>exp is computed here from IEEE additions, multiplications and exact conversions only (Cephes' expf: x = n ln2 + r,
 * a degree-6 polynomial in r, 2^n from the exponent bits), never with the vector API's EXP: that one is a
 * different function once the JIT compiles the loop (SVML) than before (per-lane Math.exp), so the same input gave
 * other bits depending on which chunk ran first, and reruns differed in the 10th digit. The scalar tail evaluates the
 * same operations in the same order ({@link #scalar}), so every lane and every element gives the same bits.
 */
final class VectorSigmoid {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, SPECIES.vectorShape());

    // exp(x) for |x| <= 88: beyond, exp(-x) under/overflows and the logistic is 0 or 1 to float precision anyway
    private static final float LIMIT = 88.0f;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HIGH = 0.693359375f;
    private static final float LN2_LOW = -2.12194440e-4f;
    private static final float[] POLY = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f,
            1.6666665459e-1f, 5.0000001201e-1f};

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
            one.div(exp(x.neg()).add(one)).intoByteBuffer(floats, b, floats.order());
        }
        for (; b < end; b += Float.BYTES) {
            floats.putFloat(b, scalar(floats.getFloat(b)));
        }
    }

    private static FloatVector exp(FloatVector v) {
        FloatVector x = v.max(-LIMIT).min(LIMIT);
        FloatVector fx = x.mul(LOG2E).add(0.5f);
        IntVector truncated = (IntVector) fx.convertShape(VectorOperators.F2I, INTS, 0);
        FloatVector n = (FloatVector) truncated.convertShape(VectorOperators.I2F, SPECIES, 0);
        VectorMask<Float> above = n.compare(VectorOperators.GT, fx); // truncation rounded a negative up: floor is one less
        n = n.sub(FloatVector.broadcast(SPECIES, 1f), above);
        FloatVector r = x.sub(n.mul(LN2_HIGH)).sub(n.mul(LN2_LOW));
        FloatVector z = r.mul(r);
        FloatVector y = FloatVector.broadcast(SPECIES, POLY[0]);
        for (int i = 1; i < POLY.length; i++) {
            y = y.mul(r).add(POLY[i]);
        }
        y = y.mul(z).add(r).add(1f);
        IntVector exponent = ((IntVector) n.convertShape(VectorOperators.F2I, INTS, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
        return y.mul((FloatVector) exponent.reinterpretAsFloats());
    }

    /** The logistic of one value by exactly the lanes' operations. */
    static float scalar(float value) {
        float x = Math.min(Math.max(-value, -LIMIT), LIMIT);
        float fx = x * LOG2E + 0.5f;
        float n = (int) fx;
        if (n > fx) {
            n -= 1f;
        }
        float r = x - n * LN2_HIGH - n * LN2_LOW;
        float z = r * r;
        float y = POLY[0];
        for (int i = 1; i < POLY.length; i++) {
            y = y * r + POLY[i];
        }
        y = y * z + r + 1f;
        return 1f / (y * Float.intBitsToFloat(((int) n + 127) << 23) + 1f);
    }
}

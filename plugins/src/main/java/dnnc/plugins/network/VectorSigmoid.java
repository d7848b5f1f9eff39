package dnnc.plugins.network;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;

/**
 * 1 / (1 + exp(-x)) over floats in a (direct) byte buffer, in SIMD lanes; loaded only when the module is present.
 * exp is Cephes' single-precision polynomial written with lanewise add, multiply and bit reinterpretation only, which Java
 * defines exactly: the vector API's own EXP is free to differ in the last bit between interpreted code and C2's
 * intrinsic, so a JVM's first reconstructions would differ from its later ones (and a cold worker's from a warm
 * run's). The scalar tail computes every step to the same float (floor by truncation and a step down, the same
 * polynomial in the same order, 2^n from the same integer), so every float gets the same bits.
 */
final class VectorSigmoid {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    // exp(x) saturates here: 2^n stays a normal float (n in -126..127) and sigmoid is 0 or 1 to float precision anyway
    private static final float LOW = -87f;
    private static final float HIGH = 88f;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HIGH = 0.693359375f;
    private static final float LN2_LOW = -2.12194440e-4f;
    /**
     * 1.5 * 2^23: a float of magnitude below 2^22 added to it is rounded to an integer k held in the low bits,
     * bits(ROUNDING + k) = ROUNDING_BITS + k. Float-to-int conversions (the vector API's convert F2I/I2F) are not
     * compiled to SIMD instructions by JDK 17 (measured: 21 ns a value against 0.8 ns this way, the same bits).
     */
    private static final float ROUNDING = 12582912f;
    private static final int ROUNDING_BITS = 0x4B400000;
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

    /** The logistic of one value, as every lane computes it. */
    static float scalar(float x) {
        return 1f / (exp(-x) + 1f);
    }

    static FloatVector exp(FloatVector v) {
        FloatVector x = v.max(LOW).min(HIGH);
        FloatVector fx = x.mul(LOG2E).add(0.5f);
        // floor(fx) as a float: round to an integer by the magic constant, then step down where that rounded up
        FloatVector n = fx.add(ROUNDING).sub(ROUNDING);
        VectorMask<Float> above = n.compare(VectorOperators.GT, fx);
        n = n.sub(1f, above);
        FloatVector r = x.sub(n.mul(LN2_HIGH)).sub(n.mul(LN2_LOW));
        FloatVector z = r.mul(r);
        FloatVector y = FloatVector.broadcast(SPECIES, POLY[0]);
        for (int i = 1; i < POLY.length; i++) {
            y = y.mul(r).add(POLY[i]);
        }
        y = y.mul(z).add(r).add(1f);
        IntVector bits = n.add(ROUNDING).reinterpretAsInts().sub(ROUNDING_BITS).add(127).lanewise(VectorOperators.LSHL, 23);
        return y.mul(bits.reinterpretAsFloats());
    }

    static float exp(float v) {
        float x = Math.min(Math.max(v, LOW), HIGH);
        float fx = x * LOG2E + 0.5f;
        float n = (float) (int) fx;
        if (n > fx) {
            n = n - 1f;
        }
        float r = x - n * LN2_HIGH - n * LN2_LOW;
        float z = r * r;
        float y = POLY[0];
        for (int i = 1; i < POLY.length; i++) {
            y = y * r + POLY[i];
        }
        y = y * z + r + 1f;
        return y * Float.intBitsToFloat(((int) n + 127) << 23);
    }
}

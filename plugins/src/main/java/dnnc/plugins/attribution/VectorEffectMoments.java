package dnnc.plugins.attribution;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link EffectMoments}' passes with neurons in SIMD lanes; loaded only when the vector API is present. Each lane
 * does one neuron's scalar operations (float widened to double, then subtract, add, multiply; no fused
 * multiply-add), so each neuron gets the scalar path's bits. Every loop runs along a row of neurons, a baseline's
 * row first into a scratch row: loops over the few slices of each cell instead took ~1.5x the time (short trip
 * counts, a range check per load). Floats are loaded in the preferred shape, the one every other SIMD path of dnnc
 * uses, and widened in two halves: loading them in a half-width shape (one conversion per double vector) made a
 * second float vector class live in the JVM, after which C2 no longer compiled the judge's float vectors to
 * registers (lesions judged 10x slower after an ACE, in the bench and in the study).
 */
final class VectorEffectMoments {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /** Neurons per step: one float vector, two double vectors. */
    private static final int STEP = FLOATS.length();
    private static final int HALF = DOUBLES.length();
    /** The upper half of a float vector's lanes, where the second double vector's floats go. */
    private static final VectorMask<Float> UPPER = VectorMask.fromLong(FLOATS, ((1L << STEP) - 1) & ~((1L << HALF) - 1));

    private VectorEffectMoments() {
    }

    /** The neurons that fill whole vectors; returns where the scalar rest starts. */
    static int accumulate(EffectMoments.Block b) {
        int end = b.neurons / STEP * STEP;
        float[] x = b.activations;
        double[] baseline = new double[end];
        for (int r = 0; r < b.rows; r++) {
            int row = r * b.neurons;
            for (int g = 0; g < b.groups.length; g++) {
                baselineRow(b.groups[g].baseline(), x, row, baseline, end);
                int[] offsets = b.groups[g].valueOffsets();
                for (int v = 0; v < offsets.length; v++) {
                    addEffects(x, offsets[v] + row, baseline, b.mean[g][v]);
                }
            }
        }
        double rows = b.rows;
        for (double[][] group : b.mean) {
            for (double[] sum : group) {
                for (int n = 0; n < end; n += HALF) {
                    DoubleVector.fromArray(DOUBLES, sum, n).div(rows).intoArray(sum, n);
                }
            }
        }
        for (int r = 0; r < b.rows; r++) {
            int row = r * b.neurons;
            for (int g = 0; g < b.groups.length; g++) {
                baselineRow(b.groups[g].baseline(), x, row, baseline, end);
                int[] offsets = b.groups[g].valueOffsets();
                for (int v = 0; v < offsets.length; v++) {
                    addSquaredDeviations(x, offsets[v] + row, baseline, b.mean[g][v], b.m2[g][v]);
                }
            }
        }
        return end;
    }

    /**
     * The baseline of the first cells into {@code into}, as {@link DrawBaseline#at} per cell, in whole vectors short
     * of {@code cells}; returns where the scalar rest starts.
     */
    static int baseline(DrawBaseline baseline, float[] x, double[] into, int cells) {
        int end = cells / STEP * STEP;
        baselineRow(baseline, x, 0, into, end);
        return end;
    }

    /**
     * {@code target[to + c] = (float) (x[from + c] - baseline[c])} in whole vectors short of {@code cells}; returns
     * where the scalar rest starts. Narrowing rounds to nearest like Java's cast.
     */
    static int effects(float[] x, int from, double[] baseline, float[] target, int to, int cells) {
        int end = cells / STEP * STEP;
        for (int c = 0; c < end; c += STEP) {
            FloatVector f = FloatVector.fromArray(FLOATS, x, from + c);
            DoubleVector low = widened(f, 0).sub(DoubleVector.fromArray(DOUBLES, baseline, c));
            DoubleVector high = widened(f, 1).sub(DoubleVector.fromArray(DOUBLES, baseline, c + HALF));
            FloatVector lowFloats = (FloatVector) low.convertShape(VectorOperators.D2F, FLOATS, 0);
            FloatVector highFloats = (FloatVector) high.convertShape(VectorOperators.D2F, FLOATS, -1);
            lowFloats.blend(highFloats, UPPER).intoArray(target, to + c);
        }
        return end;
    }

    /** {@code sum[n] += x[at + n] - baseline[n]} along the row. */
    private static void addEffects(float[] x, int at, double[] baseline, double[] sum) {
        for (int n = 0; n < baseline.length; n += STEP) {
            FloatVector f = FloatVector.fromArray(FLOATS, x, at + n);
            int m = n + HALF;
            DoubleVector.fromArray(DOUBLES, sum, n).add(widened(f, 0).sub(DoubleVector.fromArray(DOUBLES, baseline, n))).intoArray(sum, n);
            DoubleVector.fromArray(DOUBLES, sum, m).add(widened(f, 1).sub(DoubleVector.fromArray(DOUBLES, baseline, m))).intoArray(sum, m);
        }
    }

    /** {@code m2[n] += d * d} along the row, d being the effect minus its mean. */
    private static void addSquaredDeviations(float[] x, int at, double[] baseline, double[] mean, double[] m2) {
        for (int n = 0; n < baseline.length; n += STEP) {
            FloatVector f = FloatVector.fromArray(FLOATS, x, at + n);
            int m = n + HALF;
            DoubleVector d0 = widened(f, 0).sub(DoubleVector.fromArray(DOUBLES, baseline, n)).sub(DoubleVector.fromArray(DOUBLES, mean, n));
            DoubleVector.fromArray(DOUBLES, m2, n).add(d0.mul(d0)).intoArray(m2, n);
            DoubleVector d1 = widened(f, 1).sub(DoubleVector.fromArray(DOUBLES, baseline, m)).sub(DoubleVector.fromArray(DOUBLES, mean, m));
            DoubleVector.fromArray(DOUBLES, m2, m).add(d1.mul(d1)).intoArray(m2, m);
        }
    }

    /**
     * The baseline of the row starting at cell {@code row} into {@code into}, as {@link DrawBaseline#at} per cell.
     * Multiplying by a weight of 1 and dividing by 1 are exact, so they are skipped.
     */
    private static void baselineRow(DrawBaseline baseline, float[] x, int row, double[] into, int end) {
        int[] offsets = baseline.offsets();
        double[] weights = baseline.weights();
        for (int n = 0; n < end; n += HALF) {
            DoubleVector.zero(DOUBLES).intoArray(into, n);
        }
        for (int j = 0; j < offsets.length; j++) {
            int at = offsets[j] + row;
            if (baseline.unweighted()) {
                for (int n = 0; n < end; n += STEP) {
                    FloatVector f = FloatVector.fromArray(FLOATS, x, at + n);
                    DoubleVector.fromArray(DOUBLES, into, n).add(widened(f, 0)).intoArray(into, n);
                    DoubleVector.fromArray(DOUBLES, into, n + HALF).add(widened(f, 1)).intoArray(into, n + HALF);
                }
            } else {
                double w = weights[j];
                for (int n = 0; n < end; n += STEP) {
                    FloatVector f = FloatVector.fromArray(FLOATS, x, at + n);
                    DoubleVector.fromArray(DOUBLES, into, n).add(widened(f, 0).mul(w)).intoArray(into, n);
                    DoubleVector.fromArray(DOUBLES, into, n + HALF).add(widened(f, 1).mul(w)).intoArray(into, n + HALF);
                }
            }
        }
        double divisor = baseline.divisor();
        if (divisor != 1.0) {
            for (int n = 0; n < end; n += HALF) {
                DoubleVector.fromArray(DOUBLES, into, n).div(divisor).intoArray(into, n);
            }
        }
    }

    /** Half {@code part} (0: lower lanes, 1: upper) of {@code f} as doubles. */
    private static DoubleVector widened(FloatVector f, int part) {
        return (DoubleVector) f.convertShape(VectorOperators.F2D, DOUBLES, part);
    }
}

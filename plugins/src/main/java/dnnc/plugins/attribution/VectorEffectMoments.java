package dnnc.plugins.attribution;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link EffectMoments}' passes with neurons in SIMD lanes; loaded only when the vector API is present. Each lane
 * does one neuron's scalar operations (float widened to double, then subtract, add, multiply; no fused
 * multiply-add), so each neuron gets the scalar path's bits. Every loop runs along a row of neurons, a baseline's
 * row first into a scratch row: loops over the few slices of each cell instead took ~1.5x the time (short trip
 * counts, a range check per load).
 */
final class VectorEffectMoments {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /** As many floats as a double vector has lanes, to widen in one conversion. */
    private static final VectorSpecies<Float> FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));

    private VectorEffectMoments() {
    }

    /** The neurons that fill whole vectors; returns where the scalar rest starts. */
    static int accumulate(EffectMoments.Block b) {
        int lanes = DOUBLES.length();
        int end = b.neurons / lanes * lanes;
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
                for (int n = 0; n < end; n += lanes) {
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
        int end = cells / DOUBLES.length() * DOUBLES.length();
        baselineRow(baseline, x, 0, into, end);
        return end;
    }

    /**
     * {@code target[to + c] = (float) (x[from + c] - baseline[c])} in whole vectors short of {@code cells}; returns
     * where the scalar rest starts. Narrowing rounds to nearest like Java's cast.
     */
    static int effects(float[] x, int from, double[] baseline, float[] target, int to, int cells) {
        int lanes = DOUBLES.length();
        int end = cells / lanes * lanes;
        for (int c = 0; c < end; c += lanes) {
            DoubleVector effect = widened(x, from + c).sub(DoubleVector.fromArray(DOUBLES, baseline, c));
            ((FloatVector) effect.convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(target, to + c);
        }
        return end;
    }

    /** {@code sum[n] += x[at + n] - baseline[n]} along the row. */
    private static void addEffects(float[] x, int at, double[] baseline, double[] sum) {
        for (int n = 0; n < baseline.length; n += DOUBLES.length()) {
            DoubleVector effect = widened(x, at + n).sub(DoubleVector.fromArray(DOUBLES, baseline, n));
            DoubleVector.fromArray(DOUBLES, sum, n).add(effect).intoArray(sum, n);
        }
    }

    /** {@code m2[n] += d * d} along the row, d being the effect minus its mean. */
    private static void addSquaredDeviations(float[] x, int at, double[] baseline, double[] mean, double[] m2) {
        for (int n = 0; n < baseline.length; n += DOUBLES.length()) {
            DoubleVector d = widened(x, at + n).sub(DoubleVector.fromArray(DOUBLES, baseline, n)).sub(DoubleVector.fromArray(DOUBLES, mean, n));
            DoubleVector.fromArray(DOUBLES, m2, n).add(d.mul(d)).intoArray(m2, n);
        }
    }

    /**
     * The baseline of the row starting at cell {@code row} into {@code into}, as {@link DrawBaseline#at} per cell.
     * Multiplying by a weight of 1 and dividing by 1 are exact, so they are skipped.
     */
    private static void baselineRow(DrawBaseline baseline, float[] x, int row, double[] into, int end) {
        int[] offsets = baseline.offsets();
        double[] weights = baseline.weights();
        int lanes = DOUBLES.length();
        for (int n = 0; n < end; n += lanes) {
            DoubleVector.zero(DOUBLES).intoArray(into, n);
        }
        for (int j = 0; j < offsets.length; j++) {
            int at = offsets[j] + row;
            if (baseline.unweighted()) {
                for (int n = 0; n < end; n += lanes) {
                    DoubleVector.fromArray(DOUBLES, into, n).add(widened(x, at + n)).intoArray(into, n);
                }
            } else {
                double w = weights[j];
                for (int n = 0; n < end; n += lanes) {
                    DoubleVector.fromArray(DOUBLES, into, n).add(widened(x, at + n).mul(w)).intoArray(into, n);
                }
            }
        }
        double divisor = baseline.divisor();
        if (divisor != 1.0) {
            for (int n = 0; n < end; n += lanes) {
                DoubleVector.fromArray(DOUBLES, into, n).div(divisor).intoArray(into, n);
            }
        }
    }

    private static DoubleVector widened(float[] x, int at) {
        return (DoubleVector) FloatVector.fromArray(FLOATS, x, at).convertShape(VectorOperators.F2D, DOUBLES, 0);
    }
}

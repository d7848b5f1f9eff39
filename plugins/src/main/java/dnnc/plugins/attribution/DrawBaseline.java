package dnnc.plugins.attribution;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Each draw's baseline in a block of activation slices (rows x neurons each, at {@code offsets} of one array):
 * per cell, {@code (0 + w_0 x_0 + w_1 x_1 + ...) / divisor} in double, summed in slice order. Kept as this rule
 * rather than as an array so the moments can recompute it per cell from the slices they read anyway: stored, it was
 * a double per cell written once and read again by every pass (twice the bytes of the floats it came from).
 * Weights of 1 and a divisor of 1 are exact, so the alpha mean and the class expectation share one formula.
 */
final class DrawBaseline {
    private final int[] offsets;
    private final double[] weights;
    private final double divisor;
    private final boolean unweighted;

    private DrawBaseline(int[] offsets, double[] weights, double divisor) {
        this.offsets = offsets;
        this.weights = weights;
        this.divisor = divisor;
        this.unweighted = Arrays.stream(weights).allMatch(w -> w == 1.0);
    }

    /** The mean of the slices: a latent's baseline over its alpha grid. */
    static DrawBaseline meanOf(int[] offsets) {
        double[] ones = new double[offsets.length];
        Arrays.fill(ones, 1.0);
        return new DrawBaseline(offsets.clone(), ones, offsets.length);
    }

    /** The expectation over the slices of positive weight (a zero weight would turn an infinite value into NaN). */
    static DrawBaseline expectation(int[] offsets, double[] weights) {
        int[] kept = IntStream.range(0, offsets.length).filter(j -> weights[j] != 0).toArray();
        return new DrawBaseline(Arrays.stream(kept).map(j -> offsets[j]).toArray(),
                Arrays.stream(kept).mapToDouble(j -> weights[j]).toArray(), 1.0);
    }

    /** Where each slice starts; not to be modified. */
    int[] offsets() {
        return offsets;
    }

    /** Each slice's weight; not to be modified. */
    double[] weights() {
        return weights;
    }

    double divisor() {
        return divisor;
    }

    /** Whether every weight is 1, so multiplying by it may be skipped. */
    boolean unweighted() {
        return unweighted;
    }

    /** The baseline of cell {@code cell} (row-major within a slice). */
    double at(float[] activations, int cell) {
        double sum = 0;
        for (int j = 0; j < offsets.length; j++) {
            sum += weights[j] * activations[offsets[j] + cell];
        }
        return sum / divisor;
    }
}

package dnnc.plugins.attribution;

import dnnc.plugins.support.VectorApi;

import java.util.List;

/**
 * Moments over a block's rows of per-draw effects (activation minus the draw's baseline), for every intervention
 * value of several inputs whose activations share one array (a latent's alphas, or all the classes), in two passes
 * over the array for all of them: sums, then squared deviations from the means, each baseline recomputed per cell
 * from the slices the pass reads anyway. Passing over the class activations once for all classes rather than once
 * per class (and again for its stored baseline) is what cut the moments' share of the ACE of every input.
 * <p>
 * Every neuron's sums run over the rows in order with the operations of {@link RunningMoments#ofBlock} on the
 * effects stored as doubles, so the numbers have the same bits; with the vector API present
 * ({@link VectorEffectMoments}) neurons are summed side by side in SIMD lanes, which changes no neuron's order of
 * operations. Each pass streams the array row by row: tiles of neurons meant to stay in L2 between the passes
 * were no faster (the strided reads defeat the prefetcher).
 */
final class EffectMoments {
    static final boolean VECTORISED = VectorApi.usable("dnnc.scalarMoments");

    private EffectMoments() {
    }

    /** One input's values (rows x neurons each, at {@code valueOffsets}) and their draws' baseline. */
    record Effects(DrawBaseline baseline, int[] valueOffsets) {
    }

    /** The moments of each group's values, in the order of {@code groups}, all over {@code activations}. */
    static RunningMoments[][] of(float[] activations, List<Effects> groups, int rows, int neurons) {
        return of(activations, groups, rows, neurons, VECTORISED);
    }

    /** {@link #of} in SIMD lanes or not, for tests to compare the two. */
    static RunningMoments[][] of(float[] activations, List<Effects> groups, int rows, int neurons, boolean vectorised) {
        Block block = new Block(activations, groups.toArray(new Effects[0]), rows, neurons);
        int done = vectorised ? VectorEffectMoments.accumulate(block) : 0;
        accumulate(block, done);
        RunningMoments[][] moments = new RunningMoments[groups.size()][];
        for (int g = 0; g < moments.length; g++) {
            moments[g] = new RunningMoments[block.mean[g].length];
            for (int v = 0; v < moments[g].length; v++) {
                moments[g][v] = RunningMoments.of(rows, block.mean[g][v], block.m2[g][v]);
            }
        }
        return moments;
    }

    /** The arrays the moments accumulate in, per group, value and neuron: mean holds sums until divided by the rows. */
    static final class Block {
        final float[] activations;
        final Effects[] groups;
        final int rows;
        final int neurons;
        final double[][][] mean;
        final double[][][] m2;

        Block(float[] activations, Effects[] groups, int rows, int neurons) {
            this.activations = activations;
            this.groups = groups;
            this.rows = rows;
            this.neurons = neurons;
            this.mean = new double[groups.length][][];
            this.m2 = new double[groups.length][][];
            for (int g = 0; g < groups.length; g++) {
                mean[g] = new double[groups[g].valueOffsets().length][neurons];
                m2[g] = new double[groups[g].valueOffsets().length][neurons];
            }
        }
    }

    /** Neurons from {@code from} on, one at a time. */
    private static void accumulate(Block b, int from) {
        float[] x = b.activations;
        for (int r = 0; r < b.rows; r++) {
            for (int n = from; n < b.neurons; n++) {
                int cell = r * b.neurons + n;
                for (int g = 0; g < b.groups.length; g++) {
                    double baseline = b.groups[g].baseline().at(x, cell);
                    int[] offsets = b.groups[g].valueOffsets();
                    for (int v = 0; v < offsets.length; v++) {
                        b.mean[g][v][n] += x[offsets[v] + cell] - baseline;
                    }
                }
            }
        }
        for (double[][] group : b.mean) {
            for (double[] sum : group) {
                for (int n = from; n < b.neurons; n++) {
                    sum[n] /= b.rows;
                }
            }
        }
        for (int r = 0; r < b.rows; r++) {
            for (int n = from; n < b.neurons; n++) {
                int cell = r * b.neurons + n;
                for (int g = 0; g < b.groups.length; g++) {
                    double baseline = b.groups[g].baseline().at(x, cell);
                    int[] offsets = b.groups[g].valueOffsets();
                    for (int v = 0; v < offsets.length; v++) {
                        double d = x[offsets[v] + cell] - baseline - b.mean[g][v][n];
                        b.m2[g][v][n] += d * d;
                    }
                }
            }
        }
    }
}

package dnnc.bench.benchmarks;

import dnnc.plugins.network.DenseGemm;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Products through dense layers of the given widths, {@code rows} rows at a time, with nothing but the GEMMs, each
 * through the call dnnc's dense layers make ({@link DenseGemm}: OpenBLAS's cblas_sgemm on row-major float matrices).
 * One chain per thread: its activations are its own, as each of dnnc's pool threads has its scratch. Widths
 * {n, n} with n rows make one n x n x n product.
 */
final class SgemmChain {
    private final int rows;
    private final int[] widths;
    private final INDArray[] activations;
    private final INDArray[] weights;

    SgemmChain(int rows, int[] widths, long seed) {
        this.rows = rows;
        this.widths = widths.clone();
        int layers = widths.length;
        activations = new INDArray[layers];
        weights = new INDArray[layers - 1];
        SplittableRandom random = new SplittableRandom(seed); // not ND4J's generator: other benchmarks draw from it
        for (int l = 0; l < layers; l++) {
            activations[l] = matrix(rows, widths[l], random, 1);
        }
        for (int l = 0; l + 1 < layers; l++) {
            // weights ~ U(-1/sqrt(in), 1/sqrt(in)) keep the products' values ordinary (no overflow, no subnormals)
            weights[l] = matrix(widths[l], widths[l + 1], random, 1 / Math.sqrt(widths[l]));
        }
    }

    /** A row-major float matrix of values uniform in [-scale, scale). */
    private static INDArray matrix(int rows, int columns, SplittableRandom random, double scale) {
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (scale * (2 * random.nextDouble() - 1));
        }
        return Nd4j.create(values, new long[] {rows, columns}, 'c');
    }

    /** One pass: activation l+1 = activation l x weights l, for every layer. */
    void run() {
        for (int l = 0; l + 1 < widths.length; l++) {
            DenseGemm.multiply(activations[l], weights[l], activations[l + 1]);
        }
    }

    /** FLOPs of one {@link #run()}. */
    double flops() {
        return rows * WorkCounts.flopsPerRow(widths);
    }
}

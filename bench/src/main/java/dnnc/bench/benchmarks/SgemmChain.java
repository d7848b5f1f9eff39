package dnnc.bench.benchmarks;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

/**
 * Products through dense layers of the given widths, {@code rows} rows at a time, with nothing but the GEMMs:
 * OpenBLAS's cblas_sgemm on row-major float matrices that ND4J allocated, the call dnnc's dense layers end in
 * (plugins' DenseGemm). One chain per thread: its activations are its own, as each of dnnc's pool threads has its
 * scratch. Widths {n, n} with n rows make one n x n x n product.
 */
final class SgemmChain {
    private final int rows;
    private final int[] widths;
    private final FloatPointer[] activations;
    private final FloatPointer[] weights;
    private final INDArray[] owners; // keeps the native buffers behind the pointers alive

    SgemmChain(int rows, int[] widths, long seed) {
        this.rows = rows;
        this.widths = widths.clone();
        int layers = widths.length;
        activations = new FloatPointer[layers];
        weights = new FloatPointer[layers - 1];
        owners = new INDArray[2 * layers - 1];
        SplittableRandom random = new SplittableRandom(seed); // not ND4J's generator: other benchmarks draw from it
        for (int l = 0; l < layers; l++) {
            owners[l] = matrix(rows, widths[l], random, 1);
            activations[l] = pointer(owners[l]);
        }
        for (int l = 0; l + 1 < layers; l++) {
            // weights ~ U(-1/sqrt(in), 1/sqrt(in)) keep the products' values ordinary (no overflow, no subnormals)
            owners[layers + l] = matrix(widths[l], widths[l + 1], random, 1 / Math.sqrt(widths[l]));
            weights[l] = pointer(owners[layers + l]);
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
            int k = widths[l];
            int n = widths[l + 1];
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, n, k, 1f, activations[l], k, weights[l], n, 0f,
                    activations[l + 1], n);
        }
    }

    /** FLOPs of one {@link #run()}. */
    double flops() {
        return rows * WorkCounts.flopsPerRow(widths);
    }

    private static FloatPointer pointer(INDArray x) {
        return new FloatPointer(x.data().addressPointer());
    }
}

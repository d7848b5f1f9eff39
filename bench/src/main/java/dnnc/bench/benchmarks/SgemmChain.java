package dnnc.bench.benchmarks;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
        Nd4j.getRandom().setSeed(seed);
        for (int l = 0; l < layers; l++) {
            owners[l] = Nd4j.rand(DataType.FLOAT, rows, widths[l]);
            activations[l] = pointer(owners[l]);
        }
        for (int l = 0; l + 1 < layers; l++) {
            // weights ~ U(-1/sqrt(in), 1/sqrt(in)) keep the products' values ordinary (no overflow, no subnormals)
            owners[layers + l] = Nd4j.rand(DataType.FLOAT, widths[l], widths[l + 1]).subi(0.5).muli(2 / Math.sqrt(widths[l]));
            weights[l] = pointer(owners[layers + l]);
        }
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

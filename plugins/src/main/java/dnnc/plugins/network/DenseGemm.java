package dnnc.plugins.network;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

/**
 * A dense layer's product C = A B (float, row-major, dense) straight through OpenBLAS's cblas_sgemm, the kernel
 * ND4J's matrix multiply ends in: the same call gives the same bits (DenseGemmTest), without ND4J's per-call op
 * set-up (an op context, shape buffers, argument checks), ~15 % of the decoder's four products on a chunk of 256
 * rows. Anything else (other types, orders or strides, or a single row or column, which ND4J may hand to a matrix
 * times vector kernel) goes through ND4J.
 */
public final class DenseGemm {
    private DenseGemm() {
    }

    /** {@code c = a b}, overwriting c. */
    public static void multiply(INDArray a, INDArray b, INDArray c) {
        if (!(plain(a) && plain(b) && plain(c) && a.rows() > 1 && a.columns() > 1 && b.columns() > 1)) {
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            return;
        }
        int m = Math.toIntExact(a.rows());
        int k = Math.toIntExact(a.columns());
        int n = Math.toIntExact(b.columns());
        if (b.rows() != k || c.rows() != m || c.columns() != n) {
            throw new IllegalArgumentException("cannot multiply " + m + " x " + k + " by " + b.rows() + " x " + n + " into "
                    + c.rows() + " x " + c.columns());
        }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1f, floats(a), k, floats(b), n, 0f, floats(c), n);
    }

    private static boolean plain(INDArray x) {
        return x.rank() == 2 && x.dataType() == DataType.FLOAT && x.ordering() == 'c' && x.elementWiseStride() == 1
                && x.stride(0) == x.columns();
    }

    private static FloatPointer floats(INDArray x) {
        FloatPointer base = new FloatPointer(x.data().addressPointer());
        return base.position(base.position() + x.offset());
    }
}

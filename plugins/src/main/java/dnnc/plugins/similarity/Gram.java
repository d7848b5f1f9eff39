package dnnc.plugins.similarity;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.concurrent.CompletableFuture;

/**
 * Inner products of every pair of rows (G = X X^T) in double precision, through OpenBLAS dgemm. The rows of
 * G are split in two bands computed on two Java threads: with OMP_NUM_THREADS=1 (the launcher's setting)
 * each dgemm is single-threaded, and Java threads are what uses both cores.
 */
final class Gram {
    private static final long PARALLEL_WORK = 20_000_000L;

    private Gram() {
    }

    /** Row-major n x n Gram matrix of the n rows (all of equal length). */
    static double[] of(double[][] rows) {
        int n = rows.length;
        int m = n == 0 ? 0 : rows[0].length;
        double[] flat = new double[Math.multiplyExact(n, m)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, flat, i * m, m);
        }
        INDArray x = Nd4j.create(flat, new long[] {n, m}, 'c');
        double[] gram = new double[Math.multiplyExact(n, n)];
        if ((long) n * n * m < PARALLEL_WORK || n < 2) {
            band(x, 0, n, gram);
            return gram;
        }
        int half = n / 2;
        CompletableFuture<Void> top = CompletableFuture.runAsync(() -> band(x, 0, half, gram));
        band(x, half, n, gram);
        top.join();
        return gram;
    }

    private static void band(INDArray x, int from, int to, double[] gram) {
        INDArray rows = x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c');
        INDArray product = Nd4j.gemm(rows, x, false, true);
        double[] values = product.dup('c').data().asDouble();
        System.arraycopy(values, 0, gram, from * (int) x.rows(), values.length);
    }
}

package dnnc.plugins.similarity;

import org.bytedeco.javacpp.DoublePointer;

import java.util.concurrent.CompletableFuture;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.CblasUpper;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas.cblas_dsyrk;

/**
 * Inner products of every pair of rows (G = X X^T) in double precision through OpenBLAS, half of G computed and
 * mirrored: with X's rows split in two halves X1, X2, one Java thread computes the two diagonal blocks X1 X1^T and
 * X2 X2^T (dsyrk, upper triangles) and the other the block X2 X1^T below them (dgemm), the same multiply-adds on
 * each. With OMP_NUM_THREADS=1 (the launcher's setting) each BLAS call is single-threaded, and Java threads are
 * what uses both cores. (ND4J's own syrk wrapper reads its arguments wrongly, hence OpenBLAS's cblas directly.)
 */
final class Gram {
    private static final long PARALLEL_WORK = 20_000_000L;

    private Gram() {
    }

    /** Row-major n x n Gram matrix of the n rows (all of equal length), exactly symmetric. */
    static double[] of(double[][] rows) {
        int n = rows.length;
        int m = n == 0 ? 0 : rows[0].length;
        double[] gram = new double[Math.multiplyExact(n, n)];
        if (n == 0) {
            return gram;
        }
        try (DoublePointer x = new DoublePointer(Math.multiplyExact((long) n, m));
             DoublePointer product = new DoublePointer((long) n * n)) {
            for (int i = 0; i < n; i++) {
                at(x, (long) i * m).put(rows[i], 0, m);
            }
            if ((long) n * n * m < PARALLEL_WORK || n < 2) {
                symmetricRank(x, 0, n, m, product, n);
            } else {
                int half = n / 2;
                CompletableFuture<Void> diagonal = CompletableFuture.runAsync(() -> {
                    symmetricRank(x, 0, half, m, product, n);
                    symmetricRank(x, half, n, m, product, n);
                });
                // the block below the diagonal: rows [half, n) times rows [0, half)
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n - half, half, m, 1.0,
                        at(x, (long) half * m), m, x, m, 0.0, at(product, (long) half * n), n);
                diagonal.join();
            }
            product.get(gram);
        }
        mirrorUpperAndLower(gram, n, n < 2 || (long) n * n * m < PARALLEL_WORK ? n : n / 2);
        return gram;
    }

    /** Upper triangle of the diagonal block of rows [from, to) into {@code out} (leading dimension ld). */
    private static void symmetricRank(DoublePointer x, int from, int to, int m, DoublePointer out, int ld) {
        cblas_dsyrk(CblasRowMajor, CblasUpper, CblasNoTrans, to - from, m, 1.0, at(x, (long) from * m), m, 0.0,
                at(out, (long) from * ld + from), ld);
    }

    private static DoublePointer at(DoublePointer base, long offset) {
        return new DoublePointer(base).position(base.position() + offset);
    }

    /**
     * Completes G from what BLAS wrote: the upper triangles of the two diagonal blocks split at {@code half} (one
     * block when half = n) and the whole block below-left of them.
     */
    private static void mirrorUpperAndLower(double[] g, int n, int half) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean sameBlock = (i < half) == (j < half);
                if (sameBlock) {
                    g[j * n + i] = g[i * n + j]; // lower from the upper triangle
                } else {
                    g[i * n + j] = g[j * n + i]; // upper-right from the block below
                }
            }
        }
    }
}

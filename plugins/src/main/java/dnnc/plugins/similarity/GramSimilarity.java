package dnnc.plugins.similarity;

import dnnc.api.InvalidInputException;
import dnnc.api.Matrix;
import dnnc.api.SimilarityMeasure;
import dnnc.api.SimilarityResult;

import java.util.stream.IntStream;

/**
 * A similarity built from the Gram matrix of (transformed) columns: constant columns are dropped first, each
 * kept column is prepared ({@link #prepare}), and the Gram matrix is turned into the similarity ({@link #finish}).
 * Spearman, Pearson, cosine and negative squared Euclidean differ only in those two steps.
 */
abstract class GramSimilarity implements SimilarityMeasure {

    /** Turns one kept column (a contiguous copy) into what enters the Gram matrix. */
    protected abstract void prepare(double[] column);

    /** Turns the Gram matrix into the similarity, in place. */
    protected abstract void finish(double[] gram, int n);

    @Override
    public final SimilarityResult similarity(Matrix samplesByVariables) {
        requireSamples(samplesByVariables);
        int[] kept = VariableColumns.nonConstant(samplesByVariables);
        double[][] columns = VariableColumns.transposed(samplesByVariables, kept);
        IntStream.range(0, columns.length).parallel().forEach(k -> prepare(columns[k])); // ranking is a third of the time
        double[] gram = Gram.of(columns);
        finish(gram, kept.length);
        return new SimilarityResult(name(), new Matrix(kept.length, kept.length, gram), kept, samplesByVariables.cols());
    }

    /** Loads the native BLAS the Gram matrix runs in (about a second in a fresh JVM) on a small matrix. */
    @Override
    public void warmUp() {
        Matrix x = new Matrix(WARM_UP_SAMPLES, WARM_UP_VARIABLES, new double[WARM_UP_SAMPLES * WARM_UP_VARIABLES]);
        java.util.SplittableRandom random = new java.util.SplittableRandom(0);
        java.util.Arrays.setAll(x.values(), k -> random.nextGaussian());
        similarity(x);
    }

    private static final int WARM_UP_SAMPLES = 64;
    private static final int WARM_UP_VARIABLES = 48;

    static void requireSamples(Matrix x) {
        if (x.rows() < 2) {
            throw new InvalidInputException("similarity needs at least 2 samples (rows); got " + x.rows());
        }
    }

    /** rho_jk = G_jk / sqrt(G_jj G_kk), exactly 1 on the diagonal. */
    static void normalise(double[] gram, int n) {
        double[] scale = new double[n];
        for (int j = 0; j < n; j++) {
            scale[j] = Math.sqrt(gram[j * n + j]);
        }
        for (int j = 0; j < n; j++) {
            int row = j * n;
            for (int k = 0; k < n; k++) {
                gram[row + k] = gram[row + k] / (scale[j] * scale[k]);
            }
            gram[row + j] = 1.0;
        }
    }
}

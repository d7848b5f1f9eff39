package dnnc.plugins.similarity;

import dnnc.api.PluginInfo;

/** -||x_j - x_k||^2 = 2 G_jk - G_jj - G_kk, scikit-learn's affinity for affinity propagation on raw features. */
@PluginInfo(name = "neg-sq-euclidean", description = "negative squared Euclidean distance between value vectors")
public final class NegSquaredEuclideanSimilarity extends GramSimilarity {
    @Override
    protected void prepare(double[] column) {
    }

    @Override
    protected void finish(double[] gram, int n) {
        double[] squaredNorm = new double[n];
        for (int j = 0; j < n; j++) {
            squaredNorm[j] = gram[j * n + j];
        }
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                gram[j * n + k] = j == k ? 0.0 : Math.min(0.0, 2 * gram[j * n + k] - squaredNorm[j] - squaredNorm[k]);
            }
        }
    }
}

package dnnc.plugins.clustering;

import dnnc.api.Clustering;
import dnnc.api.ClusteringAlgorithm;
import dnnc.api.Matrix;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Progress;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Spectral clustering of the co-activation graph (Hod et al. 2021): edge weights rho^2, no self loops;
 * the k leading eigenvectors of D^-1/2 W D^-1/2 (LAPACK dsyev through ND4J), rows scaled to unit length
 * (Ng, Jordan and Weiss), then k-means++ on those rows.
 */
@PluginInfo(name = "spectral", description = "spectral clustering of the co-activation graph (weights similarity^2)")
public final class Spectral implements ClusteringAlgorithm {
    @Param(description = "number of clusters", min = 1)
    int k = 8;

    @Param(description = "k-means++ starts on the spectral embedding", min = 1)
    int starts = 8;

    @Override
    public Clustering cluster(Matrix similarity, long seed, Progress progress) {
        ClusterLabels.requireSquare(similarity, name(), k);
        int n = similarity.rows();
        double[] w = new double[n * n];
        double[] s = similarity.values();
        double[] degree = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = i == j ? 0.0 : s[i * n + j] * s[i * n + j];
                w[i * n + j] = v;
                degree[i] += v;
            }
        }
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = degree[i] > 0 ? 1.0 / Math.sqrt(degree[i]) : 0.0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i * n + j] *= scale[i] * scale[j];
            }
        }
        INDArray m = Nd4j.create(w, new long[] {n, n}, 'c');
        Eigen.symmetricGeneralizedEigenvalues(m, true); // ascending eigenvalues; m now holds eigenvectors as columns
        double[] embedding = new double[n * k];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int c = 0; c < k; c++) {
                double v = m.getDouble(i, n - 1 - c);
                embedding[i * k + c] = v;
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int c = 0; c < k && norm > 0; c++) {
                embedding[i * k + c] /= norm;
            }
        }
        KMeansCore.Result r = KMeansCore.cluster(embedding, n, k, k, starts, 300, seed);
        return new Clustering(r.labels(), ClusterLabels.count(r.labels()), r.iterations(), r.converged(), List.of(), null);
    }
}

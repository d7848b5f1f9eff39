package dnnc.plugins.clustering;

import dnnc.api.Clustering;
import dnnc.api.ClusteringAlgorithm;
import dnnc.api.Matrix;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Progress;

import java.util.List;

/**
 * k-means++ on the rows of the similarity matrix taken as feature vectors: variable j is described by its
 * similarity to every variable, so variables with alike similarity profiles group together.
 */
@PluginInfo(name = "kmeans", description = "k-means++ on the rows of the similarity matrix as feature vectors")
public final class KMeans implements ClusteringAlgorithm {
    @Param(description = "number of clusters", min = 1)
    int k = 8;

    @Param(description = "k-means++ starts; the lowest inertia wins", min = 1)
    int starts = 4;

    @Param(description = "Lloyd iteration limit per start", min = 1)
    int maxIter = 300;

    @Override
    public Clustering cluster(Matrix similarity, long seed, Progress progress) {
        ClusterLabels.requireSquare(similarity, name(), k);
        int n = similarity.rows();
        KMeansCore.Result r = KMeansCore.cluster(similarity.values(), n, n, k, starts, maxIter, seed);
        List<String> warnings = r.converged() ? List.of() : List.of("k-means stopped at its iteration limit " + maxIter);
        return new Clustering(r.labels(), ClusterLabels.count(r.labels()), r.iterations(), r.converged(), warnings, null);
    }
}

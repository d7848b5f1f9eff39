package dnnc.plugins.clustering;

import dnnc.api.Clustering;
import dnnc.api.ClusteringAlgorithm;
import dnnc.api.Matrix;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Progress;

import java.util.List;

/** Average linkage on the distance 1 - similarity, cut at k clusters or at a distance threshold. */
@PluginInfo(name = "agglomerative", description = "average-linkage hierarchical clustering on 1 - similarity, cut at k clusters or a distance threshold")
public final class Agglomerative implements ClusteringAlgorithm {
    @Param(description = "number of clusters (used unless distance-threshold is set)", min = 1)
    int k = 8;

    @Param(description = "when >= 0: merge only while the average distance is at most this, instead of cutting at k", min = -1)
    double distanceThreshold = -1;

    @Override
    public Clustering cluster(Matrix similarity, long seed, Progress progress) {
        boolean byThreshold = distanceThreshold >= 0;
        ClusterLabels.requireSquare(similarity, name(), byThreshold ? 1 : k);
        int n = similarity.rows();
        double[] distance = new double[n * n];
        double[] s = similarity.values();
        for (int i = 0; i < distance.length; i++) {
            distance[i] = 1.0 - s[i];
        }
        AverageLinkage.Merge[] merges = AverageLinkage.dendrogram(distance, n);
        int[] labels = byThreshold
                ? AverageLinkage.cut(merges, n, 1, distanceThreshold)
                : AverageLinkage.cut(merges, n, k, Double.POSITIVE_INFINITY);
        return new Clustering(labels, ClusterLabels.count(labels), merges.length, true, List.of(), null);
    }
}

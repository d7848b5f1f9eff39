package dnnc.api;

/** Plugin kind "clustering": groups variables given their pairwise similarity. */
public interface ClusteringAlgorithm extends Plugin {
    Clustering cluster(Matrix similarity, long seed, Progress progress);
}

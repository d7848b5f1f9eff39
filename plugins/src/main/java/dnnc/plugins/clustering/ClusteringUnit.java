package dnnc.plugins.clustering;

import dnnc.api.Blackboard;
import dnnc.api.Clustering;
import dnnc.api.ClusteringAlgorithm;
import dnnc.api.FeatureKey;
import dnnc.api.Progress;
import dnnc.api.UnitTask;
import dnnc.plugins.similarity.FeatureSimilarity;

/**
 * One similarity matrix clustered with settings already fixed: a unit of the clustering stage. {@code attempt} 0 is
 * the kind's calibrated settings, 1, 2, ... its fallbacks (each a unit of its own for the record of units done).
 * The unit carries the features the matrix is computed from, not the matrix (a fraction of its size).
 */
record ClusteringUnit(FeatureKey key, int attempt, FeatureSimilarity similarity, long seed) implements UnitTask<ClusteringAlgorithm, Clustering> {
    @Override
    public String id() {
        return key.kind().id() + "/" + key.alphaLabel() + (attempt == 0 ? "" : "/fallback-" + attempt);
    }

    @Override
    public Clustering compute(ClusteringAlgorithm algorithm, Blackboard prepared, Progress progress) {
        progress.status(key.kind().id() + " alpha " + key.alphaLabel());
        return algorithm.cluster(similarity.matrix(prepared), seed, Progress.statusesTo(progress::status));
    }
}

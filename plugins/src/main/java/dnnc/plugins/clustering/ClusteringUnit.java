package dnnc.plugins.clustering;

import dnnc.api.Blackboard;
import dnnc.api.Clustering;
import dnnc.api.ClusteringAlgorithm;
import dnnc.api.FeatureKey;
import dnnc.api.Matrix;
import dnnc.api.Progress;
import dnnc.api.UnitTask;

/** One similarity matrix clustered with settings already fixed: a unit of the clustering stage. */
record ClusteringUnit(FeatureKey key, Matrix similarity, long seed) implements UnitTask<ClusteringAlgorithm, Clustering> {
    @Override
    public String id() {
        return key.kind().id() + "/" + key.alphaLabel();
    }

    @Override
    public Clustering compute(ClusteringAlgorithm algorithm, Blackboard prepared, Progress progress) {
        progress.status(key.kind().id() + " alpha " + key.alphaLabel());
        return algorithm.cluster(similarity, seed, Progress.statusesTo(progress::status));
    }
}

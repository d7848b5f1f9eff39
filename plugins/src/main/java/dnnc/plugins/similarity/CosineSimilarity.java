package dnnc.plugins.similarity;

import dnnc.api.PluginInfo;

/** Uncentred; constant columns are still left out, as for every measure, so all measures cluster the same neurons. */
@PluginInfo(name = "cosine", description = "cosine of the angle between raw value vectors (constant columns excluded)")
public final class CosineSimilarity extends GramSimilarity {
    @Override
    protected void prepare(double[] column) {
    }

    @Override
    protected void finish(double[] gram, int n) {
        normalise(gram, n);
    }
}

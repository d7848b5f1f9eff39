package dnnc.plugins.similarity;

import dnnc.api.PluginInfo;

@PluginInfo(name = "spearman", description = "Spearman rank correlation (average ranks for ties), as scipy.stats.spearmanr")
public final class SpearmanSimilarity extends GramSimilarity {
    @Override
    protected void prepare(double[] column) {
        VariableColumns.rankInPlace(column);
        VariableColumns.centre(column);
    }

    @Override
    protected void finish(double[] gram, int n) {
        normalise(gram, n);
    }
}

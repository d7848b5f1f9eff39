package dnnc.plugins.similarity;

import dnnc.api.PluginInfo;

@PluginInfo(name = "pearson", description = "Pearson correlation of the raw values")
public final class PearsonSimilarity extends GramSimilarity {
    @Override
    protected void prepare(double[] column) {
        VariableColumns.centre(column);
    }

    @Override
    protected void finish(double[] gram, int n) {
        normalise(gram, n);
    }
}

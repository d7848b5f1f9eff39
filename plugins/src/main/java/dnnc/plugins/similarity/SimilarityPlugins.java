package dnnc.plugins.similarity;

import dnnc.api.Plugin;
import dnnc.api.PluginProvider;
import dnnc.api.Stage;

import java.util.List;

/** Registers the built-in similarity plugins (found through ServiceLoader, as a third-party provider would be). */
public final class SimilarityPlugins implements PluginProvider {
    @Override
    public List<Class<? extends Plugin>> plugins() {
        return List.of(SpearmanSimilarity.class, PearsonSimilarity.class, CosineSimilarity.class, NegSquaredEuclideanSimilarity.class, KendallSimilarity.class);
    }

    @Override
    public List<Class<? extends Stage<?>>> stages() {
        return List.of(SimilarityStage.class);
    }
}

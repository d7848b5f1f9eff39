package dnnc.plugins.similarity;

import com.google.inject.AbstractModule;
import dnnc.api.PluginKind;
import dnnc.api.SimilarityMeasure;

import static dnnc.plugins.support.PluginBindings.bindPlugin;
import static dnnc.plugins.support.PluginBindings.bindStage;

/** Registers the built-in similarity plugins (found through ServiceLoader, as a third-party module would be). */
public final class SimilarityPlugins extends AbstractModule {
    @Override
    protected void configure() {
        bindPlugin(binder(), SimilarityMeasure.class, SpearmanSimilarity.class);
        bindPlugin(binder(), SimilarityMeasure.class, PearsonSimilarity.class);
        bindPlugin(binder(), SimilarityMeasure.class, CosineSimilarity.class);
        bindPlugin(binder(), SimilarityMeasure.class, NegSquaredEuclideanSimilarity.class);
        bindPlugin(binder(), SimilarityMeasure.class, KendallSimilarity.class);
        bindStage(binder(), PluginKind.SIMILARITY, SimilarityStage.class);
    }
}

package dnnc.plugins.clustering;

import com.google.inject.AbstractModule;
import dnnc.api.ClusteringAlgorithm;
import dnnc.api.PluginKind;

import static dnnc.plugins.support.PluginBindings.bindPlugin;
import static dnnc.plugins.support.PluginBindings.bindStage;

/** Registers the built-in clustering plugins (found through ServiceLoader, as a third-party module would be). */
public final class ClusteringPlugins extends AbstractModule {
    @Override
    protected void configure() {
        bindPlugin(binder(), ClusteringAlgorithm.class, AffinityPropagation.class);
        bindPlugin(binder(), ClusteringAlgorithm.class, KMeans.class);
        bindPlugin(binder(), ClusteringAlgorithm.class, Agglomerative.class);
        bindPlugin(binder(), ClusteringAlgorithm.class, Spectral.class);
        bindStage(binder(), PluginKind.CLUSTERING, ClusteringStage.class);
    }
}

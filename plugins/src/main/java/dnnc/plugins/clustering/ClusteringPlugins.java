package dnnc.plugins.clustering;

import dnnc.api.Plugin;
import dnnc.api.PluginProvider;
import dnnc.api.Stage;

import java.util.List;

/** Registers the built-in clustering plugins (found through ServiceLoader, as a third-party provider would be). */
public final class ClusteringPlugins implements PluginProvider {
    @Override
    public List<Class<? extends Plugin>> plugins() {
        return List.of(AffinityPropagation.class, KMeans.class, Agglomerative.class, Spectral.class);
    }

    @Override
    public List<Class<? extends Stage<?>>> stages() {
        return List.of(ClusteringStage.class);
    }
}

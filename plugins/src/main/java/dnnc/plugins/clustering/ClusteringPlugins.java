package dnnc.plugins.clustering;

import com.google.inject.AbstractModule;

/** Registers the built-in clustering plugins (found through ServiceLoader, as a third-party module would be). */
public final class ClusteringPlugins extends AbstractModule {
    @Override
    protected void configure() {
    }
}

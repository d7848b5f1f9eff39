package dnnc.plugins.similarity;

import com.google.inject.AbstractModule;

/** Registers the built-in similarity plugins (found through ServiceLoader, as a third-party module would be). */
public final class SimilarityPlugins extends AbstractModule {
    @Override
    protected void configure() {
    }
}

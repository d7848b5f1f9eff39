package dnnc.plugins.model;

import com.google.inject.AbstractModule;

/** Registers the built-in model plugins (found through ServiceLoader, as a third-party module would be). */
public final class ModelPlugins extends AbstractModule {
    @Override
    protected void configure() {
    }
}

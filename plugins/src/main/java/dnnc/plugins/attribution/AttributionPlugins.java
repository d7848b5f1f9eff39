package dnnc.plugins.attribution;

import com.google.inject.AbstractModule;

/** Registers the built-in attribution plugins (found through ServiceLoader, as a third-party module would be). */
public final class AttributionPlugins extends AbstractModule {
    @Override
    protected void configure() {
    }
}

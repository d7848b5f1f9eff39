package dnnc.plugins.data;

import com.google.inject.AbstractModule;

/** Registers the built-in data plugins (found through ServiceLoader, as a third-party module would be). */
public final class DataPlugins extends AbstractModule {
    @Override
    protected void configure() {
    }
}

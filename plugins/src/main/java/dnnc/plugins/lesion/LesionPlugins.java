package dnnc.plugins.lesion;

import com.google.inject.AbstractModule;

/** Registers the built-in lesion plugins (found through ServiceLoader, as a third-party module would be). */
public final class LesionPlugins extends AbstractModule {
    @Override
    protected void configure() {
    }
}

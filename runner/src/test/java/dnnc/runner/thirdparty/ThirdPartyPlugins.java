package dnnc.runner.thirdparty;

import com.google.inject.AbstractModule;
import dnnc.api.Reporter;
import dnnc.plugins.support.PluginBindings;

/** The Guice module a third-party jar offers through META-INF/services/com.google.inject.Module. */
public final class ThirdPartyPlugins extends AbstractModule {
    @Override
    protected void configure() {
        PluginBindings.bindPlugin(binder(), Reporter.class, InkReport.class);
    }
}

package dnnc.plugins.attribution;

import com.google.inject.AbstractModule;
import dnnc.api.AttributionMethod;
import dnnc.api.PluginKind;
import dnnc.plugins.support.PluginBindings;

/** Registers the built-in attribution plugins (found through ServiceLoader, as a third-party module would be). */
public final class AttributionPlugins extends AbstractModule {
    @Override
    protected void configure() {
        PluginBindings.bindPlugin(binder(), AttributionMethod.class, MonteCarloAcePlugin.class);
        PluginBindings.bindPlugin(binder(), AttributionMethod.class, TaylorAcePlugin.class);
        PluginBindings.bindPlugin(binder(), AttributionMethod.class, SaliencyPlugin.class);
        PluginBindings.bindPlugin(binder(), AttributionMethod.class, IntegratedGradientsPlugin.class);
        PluginBindings.bindStage(binder(), PluginKind.ATTRIBUTION, AttributionStage.class);
    }
}

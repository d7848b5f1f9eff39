package dnnc.plugins.attribution;

import dnnc.api.Plugin;
import dnnc.api.PluginProvider;
import dnnc.api.Stage;

import java.util.List;

/** Registers the built-in attribution plugins (found through ServiceLoader, as a third-party provider would be). */
public final class AttributionPlugins implements PluginProvider {
    @Override
    public List<Class<? extends Plugin>> plugins() {
        return List.of(MonteCarloAcePlugin.class, TaylorAcePlugin.class, SaliencyPlugin.class, IntegratedGradientsPlugin.class, NetworkAce.class);
    }

    @Override
    public List<Class<? extends Stage<?>>> stages() {
        return List.of(AttributionStage.class);
    }
}

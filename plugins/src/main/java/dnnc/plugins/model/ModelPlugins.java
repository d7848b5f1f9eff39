package dnnc.plugins.model;

import dnnc.api.Plugin;
import dnnc.api.PluginProvider;
import dnnc.api.Stage;

import java.util.List;

/** Registers the built-in model plugins (found through ServiceLoader, as a third-party provider would be). */
public final class ModelPlugins implements PluginProvider {
    @Override
    public List<Class<? extends Plugin>> plugins() {
        return List.of(CbetaVae.class, CnnJudge.class);
    }

    @Override
    public List<Class<? extends Stage<?>>> stages() {
        return List.of(ModelStage.class);
    }
}

package dnnc.plugins.model;

import com.google.inject.AbstractModule;
import dnnc.api.ModelTrainer;
import dnnc.api.PluginKind;
import dnnc.plugins.support.PluginBindings;

/** Registers the built-in model plugins (found through ServiceLoader, as a third-party module would be). */
public final class ModelPlugins extends AbstractModule {
    @Override
    protected void configure() {
        PluginBindings.bindPlugin(binder(), ModelTrainer.class, CbetaVae.class);
        PluginBindings.bindPlugin(binder(), ModelTrainer.class, CnnJudge.class);
        PluginBindings.bindStage(binder(), PluginKind.MODEL, ModelStage.class);
    }
}

package dnnc.plugins.lesion;

import com.google.inject.AbstractModule;
import dnnc.api.LesionCriterion;
import dnnc.api.PluginKind;
import dnnc.plugins.support.PluginBindings;

/** Registers the built-in lesion plugins (found through ServiceLoader, as a third-party module would be). */
public final class LesionPlugins extends AbstractModule {
    @Override
    protected void configure() {
        PluginBindings.bindPlugin(binder(), LesionCriterion.class, JudgeCriterion.class);
        PluginBindings.bindPlugin(binder(), LesionCriterion.class, PixelBceCriterion.class);
        PluginBindings.bindStage(binder(), PluginKind.LESION, LesionStage.class);
    }
}

package dnnc.plugins.lesion;

import dnnc.api.Plugin;
import dnnc.api.PluginProvider;
import dnnc.api.Stage;

import java.util.List;

/** Registers the built-in lesion plugins (found through ServiceLoader, as a third-party provider would be). */
public final class LesionPlugins implements PluginProvider {
    @Override
    public List<Class<? extends Plugin>> plugins() {
        return List.of(JudgeCriterion.class, PixelBceCriterion.class, AccuracyCriterion.class, AgreementCriterion.class,
                OutputDistanceCriterion.class);
    }

    @Override
    public List<Class<? extends Stage<?>>> stages() {
        return List.of(LesionStage.class);
    }
}

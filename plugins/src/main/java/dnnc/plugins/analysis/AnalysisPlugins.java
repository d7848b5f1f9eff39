package dnnc.plugins.analysis;

import dnnc.api.Plugin;
import dnnc.api.PluginProvider;
import dnnc.api.Stage;
import dnnc.plugins.lesion.LesionSensitivity;

import java.util.List;

/** Registers the built-in analysis plugins (found through ServiceLoader, as a third-party provider would be). */
public final class AnalysisPlugins implements PluginProvider {
    @Override
    public List<Class<? extends Plugin>> plugins() {
        return List.of(LatentShapeAnalysis.class, StrokeShareAnalysis.class, LesionSensitivity.class);
    }

    @Override
    public List<Class<? extends Stage<?>>> stages() {
        return List.of(AnalysisStage.class);
    }
}

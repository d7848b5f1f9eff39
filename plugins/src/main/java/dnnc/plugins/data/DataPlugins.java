package dnnc.plugins.data;

import dnnc.api.Plugin;
import dnnc.api.PluginProvider;
import dnnc.api.Stage;

import java.util.List;

/** Registers the built-in data plugins (found through ServiceLoader, as a third-party provider would be). */
public final class DataPlugins implements PluginProvider {
    @Override
    public List<Class<? extends Plugin>> plugins() {
        return List.of(MnistIdxDataset.class, NpyDataset.class);
    }

    @Override
    public List<Class<? extends Stage<?>>> stages() {
        return List.of(DataStage.class);
    }
}

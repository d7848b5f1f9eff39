package dnnc.plugins.data;

import com.google.inject.AbstractModule;
import dnnc.api.DatasetSource;
import dnnc.api.PluginKind;
import dnnc.plugins.support.PluginBindings;

/** Registers the built-in data plugins (found through ServiceLoader, as a third-party module would be). */
public final class DataPlugins extends AbstractModule {
    @Override
    protected void configure() {
        PluginBindings.bindPlugin(binder(), DatasetSource.class, MnistIdxDataset.class);
        PluginBindings.bindStage(binder(), PluginKind.DATA, DataStage.class);
    }
}

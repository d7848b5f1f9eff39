package dnnc.runner.thirdparty;

import dnnc.api.Plugin;
import dnnc.api.PluginProvider;

import java.util.List;

/** The provider a third-party jar lists in META-INF/services/dnnc.api.PluginProvider. */
public final class ThirdPartyPlugins implements PluginProvider {
    @Override
    public List<Class<? extends Plugin>> plugins() {
        return List.of(InkReport.class);
    }
}

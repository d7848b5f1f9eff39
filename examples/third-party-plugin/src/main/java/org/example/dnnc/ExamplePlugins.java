package org.example.dnnc;

import dnnc.api.Plugin;
import dnnc.api.PluginProvider;

import java.util.List;

/** Listed in META-INF/services/dnnc.api.PluginProvider: how dnnc finds this jar's plugins. */
public final class ExamplePlugins implements PluginProvider {
    @Override
    public List<Class<? extends Plugin>> plugins() {
        return List.of(AbsolutePearson.class);
    }
}

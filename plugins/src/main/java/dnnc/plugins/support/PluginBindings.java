package dnnc.plugins.support;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import dnnc.api.Plugin;
import dnnc.api.PluginInfo;
import dnnc.api.PluginKind;
import dnnc.api.Stage;

/**
 * Binds plugins by the name in their {@link PluginInfo}, one map per kind, so the name lives in one place.
 * Third-party modules use the same calls.
 */
public final class PluginBindings {
    private PluginBindings() {
    }

    public static <T extends Plugin> void bindPlugin(Binder binder, Class<T> kind, Class<? extends T> implementation) {
        PluginInfo info = implementation.getAnnotation(PluginInfo.class);
        if (info == null) {
            throw new IllegalStateException(implementation.getName() + " lacks @PluginInfo");
        }
        MapBinder.newMapBinder(binder, String.class, kind).addBinding(info.name()).to(implementation);
    }

    public static void bindStage(Binder binder, PluginKind kind, Class<? extends Stage<?>> stage) {
        MapBinder.newMapBinder(binder, new TypeLiteral<PluginKind>() { }, new TypeLiteral<Stage<?>>() { })
                .addBinding(kind).to(stage);
    }
}

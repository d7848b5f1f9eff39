package dnnc.api;

import java.util.List;

/**
 * How dnnc finds plugins (as DJL finds its engines): a jar lists its providers in
 * {@code META-INF/services/dnnc.api.PluginProvider}; each names plugin classes, and dnnc binds every class by its
 * {@link PluginInfo} name under the kind whose interface it implements. A jar in the plugins folder
 * ({@code $DNNC_PLUGINS}, else {@code ~/.dnnc/plugins/}) or on the classpath is found the same way.
 */
public interface PluginProvider {
    /** Plugin classes: each has a public no-argument constructor and implements one plugin kind's interface. */
    List<Class<? extends Plugin>> plugins();

    /** The stages that apply a kind's plugins to a run: only the provider of dnnc's own kinds has any. */
    default List<Class<? extends Stage<?>>> stages() {
        return List.of();
    }
}

package dnnc.api;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * A configured plugin as another JVM rebuilds it: its kind, its name and the effective value of every parameter
 * (a worker finds the plugin by name and configures it with these values, as a workflow step would).
 */
public record PluginRef(PluginKind kind, String name, Map<String, String> parameters) implements Serializable {
    public PluginRef {
        parameters = new TreeMap<>(parameters);
    }

    public static PluginRef of(Plugin plugin) {
        for (PluginKind kind : PluginKind.values()) {
            if (kind.type().isInstance(plugin)) {
                return new PluginRef(kind, plugin.name(), plugin.parameterValues());
            }
        }
        throw new IllegalArgumentException(plugin.getClass().getName() + " implements no plugin kind");
    }

    /** "kind:name?a=1&b=2", for messages. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(kind.id()).append(':').append(name);
        parameters.forEach((k, v) -> text.append(text.indexOf("?") < 0 ? '?' : '&').append(k).append('=').append(v));
        return text.toString();
    }
}

package dnnc.api;

import java.util.List;
import java.util.Map;

/**
 * Something a workflow names: a class annotated {@link PluginInfo} whose parameters are {@link Param} fields
 * (the field's initial value is the default). Listing, validation and provenance all derive from those fields
 * through the default methods here, so a plugin implements its kind's interface and nothing else, and compiles
 * against this api alone. Plugins are found through a {@link PluginProvider}.
 */
public interface Plugin {
    default String name() {
        return DeclaredParameters.info(getClass()).name();
    }

    default String description() {
        return DeclaredParameters.info(getClass()).description();
    }

    default List<ParamSpec> parameters() {
        return new DeclaredParameters(this).specs();
    }

    /** Applies values by parameter name; an unknown name, a bad type or a value out of range throws {@link InvalidInputException}. */
    default void configure(Map<String, String> values) {
        new DeclaredParameters(this).configure(values);
    }

    /**
     * Work done once in a fresh JVM so that the first real call runs at full speed (native libraries loaded, hot
     * loops compiled), without changing any result; a command runs it on the other core while it reads its input.
     * Nothing by default.
     */
    default void warmUp() {
    }

    /** The effective value of every declared parameter, as text: this is the plugin's provenance. */
    default Map<String, String> parameterValues() {
        return new DeclaredParameters(this).values();
    }
}

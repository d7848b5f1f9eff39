package dnnc.api;

import java.util.List;
import java.util.Map;

/**
 * Something a workflow names. Parameters are declared once (see {@link Param}); listing, validation and
 * provenance all derive from that declaration, so implementations normally extend the plugins module's
 * {@code DeclaredPlugin} rather than implement these methods by hand.
 */
public interface Plugin {
    String name();

    String description();

    List<ParamSpec> parameters();

    /** Applies values by parameter name; an unknown name, a bad type or a value out of range throws {@link InvalidInputException}. */
    void configure(Map<String, String> values);

    /** The effective value of every declared parameter, as text: this is the plugin's provenance. */
    Map<String, String> parameterValues();
}

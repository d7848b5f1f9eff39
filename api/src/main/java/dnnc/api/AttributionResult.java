package dnnc.api;

import java.util.List;
import java.util.Map;

/** Per-input effects on every neuron ({@code effects}), or per-input attributions of one neuron ({@code neuron}). */
public record AttributionResult(String method, NeuronLayout layout, List<InputEffect> effects,
                                NeuronAttribution neuron, Map<String, Object> diagnostics) {
}

package dnnc.api;

import java.util.List;

/**
 * What a network attribution found: the effects of do() on each target ({@code result.effects()}, whose
 * {@code input} indexes {@code targets}), the focus target (the one whose per-draw features are clustered) and
 * those features ({@code features.input()} is the focus' index in {@code targets}).
 */
public record RowAttribution(AttributionResult result, List<InterventionTarget> targets, int focus, SampleFeatures features) {
    public RowAttribution {
        targets = List.copyOf(targets);
    }

    public InterventionTarget focusTarget() {
        return targets.get(focus);
    }
}

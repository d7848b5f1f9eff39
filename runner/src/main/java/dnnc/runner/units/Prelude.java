package dnnc.runner.units;

import dnnc.api.PluginRef;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The steps a worker runs before it can compute a unit (the run's data and model steps, which load from the model
 * cache or train deterministically), under the run's seed, and the sha256 of every model they must give: a worker
 * whose model differs from the run's refuses the unit instead of computing other numbers.
 */
public record Prelude(long seed, List<PluginRef> steps, Map<String, String> modelHashes) implements Serializable {
    public static final Prelude NONE = new Prelude(0, List.of(), Map.of());

    public Prelude {
        steps = List.copyOf(steps);
        modelHashes = Map.copyOf(modelHashes);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}

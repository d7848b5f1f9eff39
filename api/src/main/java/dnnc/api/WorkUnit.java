package dnnc.api;

import java.io.Serializable;

/** A unit of work and the configured plugin it applies. */
public record WorkUnit<P extends Plugin, R extends Serializable>(P plugin, UnitTask<P, R> task) {
    public R computeOn(Blackboard prepared, Progress progress) {
        return task.compute(plugin, prepared, progress);
    }
}

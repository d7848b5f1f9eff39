package dnnc.api;

import java.io.Serializable;
import java.util.Set;

/**
 * One independent piece of a stage's work (one clustering, the lesion test of one clustering), computed in the
 * run's own JVM or by a worker on another machine. Implementations are records: a unit travels as its fields, so
 * everything it reads is a field, the plugin it is applied with, or a slot of the earlier steps of the kinds it
 * {@link #needs} (a worker rebuilds those slots by running the run's own steps of those kinds). Its random streams
 * derive from its fields only (the run's seed and the unit's identity), never from where or when it runs, so a
 * run spread over workers gives the numbers of a run in one JVM.
 *
 * @param <P> the kind of plugin the unit applies
 * @param <R> its result, a record as well
 */
public interface UnitTask<P extends Plugin, R extends Serializable> extends Serializable {
    /** Names the unit within its step, the same every time the step runs ("activation/-3"): results are keyed by it. */
    String id();

    /** Kinds of the earlier steps whose slots {@link #compute} reads from {@code prepared} (e.g. the model). */
    default Set<PluginKind> needs() {
        return Set.of();
    }

    R compute(P plugin, Blackboard prepared, Progress progress);
}

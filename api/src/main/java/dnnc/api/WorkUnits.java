package dnnc.api;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a stage's independent units are computed: one after the other in this thread (a run without a broker), or
 * spread over the workers of a message broker. Either way the results come back in the order of the units.
 */
public interface WorkUnits {
    /** Computes every unit; advances {@code progress} by one per unit done. */
    <R extends Serializable> List<R> compute(List<WorkUnit<?, R>> units, Progress progress);

    /** Each unit in turn in this thread, on the run's own slots. */
    static WorkUnits inThisThread(Blackboard board) {
        return new WorkUnits() {
            @Override
            public <R extends Serializable> List<R> compute(List<WorkUnit<?, R>> units, Progress progress) {
                List<R> results = new ArrayList<>(units.size());
                for (WorkUnit<?, R> unit : units) {
                    results.add(unit.computeOn(board, progress));
                    progress.advance(1);
                }
                return results;
            }
        };
    }
}

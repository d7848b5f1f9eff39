package dnnc.runner.run;

import dnnc.api.WorkUnits;
import dnnc.db.RecordStore;

/** Where a run's units are computed when not in its own thread (the workers of a broker); closed when the run ends. */
public interface UnitPlacement extends AutoCloseable {
    WorkUnits units(StudyRun run);

    @Override
    void close();

    /** Opens the placement of one run. */
    interface Factory {
        /** Units whose results {@code store} holds for the run are not computed again. */
        UnitPlacement open(String runId, RunSteps steps, RecordStore store);
    }
}

package dnnc.db;

import dnnc.api.Recorder;

/** A step in progress; its recorder tags every row with the step's ordinal. */
public final class StepHandle {
    private final RecordStore store;
    private final String runId;
    private final int ordinal;

    StepHandle(RecordStore store, String runId, int ordinal) {
        this.store = store;
        this.runId = runId;
        this.ordinal = ordinal;
    }

    public String runId() {
        return runId;
    }

    public int ordinal() {
        return ordinal;
    }

    public Recorder recorder() {
        return store.recorder(runId, ordinal);
    }

    public void finish(RunStatus status, String error) {
        store.finishStep(runId, ordinal, status, error);
    }
}

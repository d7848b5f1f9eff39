package dnnc.runner.run;

import dnnc.api.Recorder;
import dnnc.runner.workflow.StepSpec;

import java.util.Map;

/** Where a run's steps are put on record as they happen. */
public interface RunJournal {
    /** Opens a step record; its recorder is {@link #current()} until {@link #stepFinished}. */
    void stepStarted(StepSpec step, int repeat, Map<String, String> parameters);

    void stepFinished(boolean succeeded, String error);

    /** The recorder of the step in progress (or of the run, between steps). */
    Recorder current();
}

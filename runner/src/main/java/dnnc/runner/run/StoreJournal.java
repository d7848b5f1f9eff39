package dnnc.runner.run;

import dnnc.api.Recorder;
import dnnc.db.RunHandle;
import dnnc.db.RunStatus;
import dnnc.db.StepHandle;
import dnnc.runner.workflow.StepSpec;

import java.util.Map;

/** Puts steps on record in the run's store as they start and finish. */
final class StoreJournal implements RunJournal {
    private final RunHandle run;
    private final Recorder runRecorder;
    private final Redaction redaction;
    private StepHandle step;
    private Recorder stepRecorder;

    StoreJournal(RunHandle run, Redaction redaction) {
        this.run = run;
        this.redaction = redaction;
        this.runRecorder = redacted(run.recorder());
    }

    private Recorder redacted(Recorder recorder) {
        return redaction.active() ? new RedactingRecorder(recorder, redaction) : recorder;
    }

    @Override
    public synchronized void stepStarted(StepSpec spec, int repeat, Map<String, String> parameters) {
        String stepId = spec.kind().id() + ":" + spec.plugin() + (repeat > 0 ? "#repeat-" + repeat : "");
        step = run.startStep(stepId, spec.kind().id(), spec.plugin(), redaction.apply(parameters));
        stepRecorder = redacted(step.recorder());
    }

    @Override
    public synchronized void stepFinished(boolean succeeded, String error) {
        if (step != null) {
            step.finish(succeeded ? RunStatus.SUCCEEDED : RunStatus.FAILED, redaction.apply(error));
        }
        step = null;
        stepRecorder = null;
    }

    @Override
    public synchronized Recorder current() {
        return stepRecorder != null ? stepRecorder : runRecorder;
    }
}

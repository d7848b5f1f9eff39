package dnnc.plugins.report;

import dnnc.api.Blackboard;
import dnnc.api.Progress;
import dnnc.api.Recorder;
import dnnc.api.RunContext;
import dnnc.api.RunInfo;
import dnnc.api.Slot;
import dnnc.plugins.testing.TestRunContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A test run whose slots held several values (as a run whose analysis repeated in a loop), with run info. */
final class RepeatsContext implements RunContext {
    final TestRunContext run;
    private final RunInfo info;

    RepeatsContext(TestRunContext run, RunInfo info) {
        this.run = run;
        this.info = info;
    }

    @Override
    public String runId() {
        return info.runId();
    }

    @Override
    public Path outputDir() {
        return run.outputDir();
    }

    @Override
    public Path cacheDir() {
        return run.cacheDir();
    }

    @Override
    public long seed() {
        return run.seed();
    }

    @Override
    public Blackboard blackboard() {
        return run.blackboard();
    }

    @Override
    public RunInfo info() {
        return info;
    }


    @Override
    public Progress progress(String stage, long totalUnits, String unit) {
        return run.progress(stage, totalUnits, unit);
    }

    @Override
    public Recorder recorder() {
        return run.recorder();
    }
}

package dnnc.db;

import dnnc.api.Recorder;

import java.nio.file.Path;
import java.util.Map;

/** A run in progress, as its owner sees it. */
public final class RunHandle {
    private final RecordStore store;
    private final String id;
    private final Path outputDir;

    RunHandle(RecordStore store, String id, Path outputDir) {
        this.store = store;
        this.id = id;
        this.outputDir = outputDir;
    }

    public String id() {
        return id;
    }

    public Path outputDir() {
        return outputDir;
    }

    /** Records on behalf of the run itself (no step). */
    public Recorder recorder() {
        return store.recorder(id, null);
    }

    /** Opens the next step; its ordinal is one past the run's last step. */
    public StepHandle startStep(String stepId, String pluginKind, String pluginName, Map<String, ?> parameters) {
        return store.startStep(id, stepId, pluginKind, pluginName, parameters);
    }

    public void finish(RunStatus status, String error) {
        store.finishRun(id, status, error);
    }
}

package dnnc.runner.run;

import dnnc.api.InvalidInputException;
import dnnc.api.Progress;
import dnnc.api.Recorder;
import dnnc.api.RunContext;
import dnnc.api.Slot;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The run in progress as steps see it: the things earlier steps left, the folders, progress and the record. */
public final class StudyRun implements RunContext {
    private final String runId;
    private final Path outputDir;
    private final Path cacheDir;
    private final long seed;
    private final Supplier<Recorder> currentRecorder;
    private final PrintStream console;
    private final boolean interactive;
    private final Map<String, Object> slots = new ConcurrentHashMap<>();

    public StudyRun(String runId, Path outputDir, Path cacheDir, long seed, Supplier<Recorder> currentRecorder,
                    PrintStream console, boolean interactive) {
        this.runId = runId;
        this.outputDir = outputDir;
        this.cacheDir = cacheDir;
        this.seed = seed;
        this.currentRecorder = currentRecorder;
        this.console = console;
        this.interactive = interactive;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public Path outputDir() {
        return outputDir;
    }

    @Override
    public Path cacheDir() {
        return cacheDir;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public <T> Optional<T> get(Slot<T> slot) {
        return Optional.ofNullable(slot.type().cast(slots.get(slot.name())));
    }

    @Override
    public <T> T require(Slot<T> slot, String neededBy) {
        return get(slot).orElseThrow(() -> new InvalidInputException(neededBy + " needs the " + slot.name()
                + " of an earlier step; add that step before it in the workflow"));
    }

    @Override
    public <T> void put(Slot<T> slot, T value) {
        slots.put(slot.name(), slot.type().cast(value));
    }

    @Override
    public Progress progress(String stage, long totalUnits, String unit) {
        return new TerminalProgress(console, stage, totalUnits, unit, interactive);
    }

    @Override
    public Recorder recorder() {
        return currentRecorder.get();
    }
}

package dnnc.runner.run;

import dnnc.api.Blackboard;
import dnnc.api.Progress;
import dnnc.api.Recorder;
import dnnc.api.RunContext;
import dnnc.api.Slot;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
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
    private final Blackboard board;
    private final int repeat;
    private final Map<Integer, StudyRun> repeats;
    private volatile dnnc.api.RunInfo info;
    private volatile UnitPlacement placement;

    public StudyRun(String runId, Path outputDir, Path cacheDir, long seed, Supplier<Recorder> currentRecorder,
                    PrintStream console, boolean interactive) {
        this.runId = runId;
        this.outputDir = outputDir;
        this.cacheDir = cacheDir;
        this.seed = seed;
        this.currentRecorder = currentRecorder;
        this.console = console;
        this.interactive = interactive;
        this.board = new Blackboard();
        this.repeat = 0;
        this.repeats = new ConcurrentHashMap<>();
    }

    private StudyRun(StudyRun main, int repeat) {
        this.runId = main.runId;
        this.outputDir = main.outputDir.resolve("repeat-" + repeat);
        this.cacheDir = main.cacheDir;
        this.seed = main.seed;
        this.currentRecorder = () -> new PrefixedRecorder(main.currentRecorder.get(), "repeats." + repeat + ".");
        this.console = main.console;
        this.interactive = main.interactive;
        this.board = main.board.forRepeat();
        this.repeat = repeat;
        this.info = main.info;
        this.placement = main.placement;
        this.repeats = new ConcurrentHashMap<>();
    }

    /** The same context (same blackboard, folders and record) seen by one step, whose seed is {@code seed}. */
    private StudyRun(StudyRun context, long seed) {
        this.runId = context.runId;
        this.outputDir = context.outputDir;
        this.cacheDir = context.cacheDir;
        this.seed = seed;
        this.currentRecorder = context.currentRecorder;
        this.console = context.console;
        this.interactive = context.interactive;
        this.board = context.board;
        this.repeat = context.repeat;
        this.info = context.info;
        this.repeats = context.repeats;
        this.placement = context.placement;
    }

    /**
     * What one step of repeat {@code repeat} sees: that repeat's context with the step's seed ({@link
     * dnnc.api.SeedRule}); what the step puts stays visible to the next steps of the repeat.
     */
    public StudyRun forStep(int repeat, long stepSeed) {
        return new StudyRun(forRepeat(repeat), stepSeed);
    }

    /**
     * The context of the i-th repeat of the analysis: it starts from what the main analysis holds (data,
     * models), keeps its own slots, writes under repeat-i/ and records under "repeats.i.".
     */
    public StudyRun forRepeat(int i) {
        if (i <= 0) {
            return this;
        }
        // one context per repeat for all of its steps: what a step of the repeat puts, the next one must see
        return repeats.computeIfAbsent(i, index -> {
            try {
                java.nio.file.Files.createDirectories(outputDir.resolve("repeat-" + index));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new StudyRun(this, index);
        });
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
    public Blackboard blackboard() {
        return board;
    }

    public void setInfo(dnnc.api.RunInfo info) {
        this.info = info;
    }

    @Override
    public dnnc.api.RunInfo info() {
        return info != null ? info : dnnc.api.RunInfo.unknown(runId);
    }

    /** Computes the units of this run's stages where {@code placement} says (call before the run's steps start). */
    public void placeUnits(UnitPlacement placement) {
        this.placement = placement;
    }

    @Override
    public dnnc.api.WorkUnits units() {
        return placement == null ? RunContext.super.units() : placement.units(this);
    }

    @Override
    public int repeat() {
        return repeat;
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

package dnnc.bench.benchmarks;

import dnnc.api.Blackboard;
import dnnc.api.Progress;
import dnnc.api.Recorder;
import dnnc.api.RunContext;
import dnnc.api.Slot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The run a benchmark's plugins see: a scratch folder (its own model cache, so nothing is ever loaded instead
 * of trained), silent progress with status lines passed to the bench log, and a recorder that keeps nothing:
 * the bench records its own figures.
 */
final class BenchRunContext implements RunContext {
    private final Path folder;
    private final long seed;
    private final Consumer<String> log;
    private final Blackboard board = new Blackboard();

    BenchRunContext(Path folder, long seed, Consumer<String> log) {
        try {
            this.folder = Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.seed = seed;
        this.log = log;
    }

    @Override
    public String runId() {
        return "bench";
    }

    @Override
    public Path outputDir() {
        return folder;
    }

    @Override
    public Path cacheDir() {
        return folder.resolve("cache");
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Blackboard blackboard() {
        return board;
    }

    @Override
    public Progress progress(String stage, long totalUnits, String unit) {
        return Progress.statusesTo(text -> log.accept(stage + ": " + text));
    }

    @Override
    public Recorder recorder() {
        return Recorder.discarding(message -> log.accept("warning: " + message));
    }
}

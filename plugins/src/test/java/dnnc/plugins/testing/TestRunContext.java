package dnnc.plugins.testing;

import dnnc.api.Blackboard;
import dnnc.api.Progress;
import dnnc.api.Recorder;
import dnnc.api.RunContext;
import dnnc.api.Slot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run for tests: output and cache folders under a given (temporary) folder, silent progress, and a recorder
 * that keeps everything in memory for assertions. Progress status lines are kept too.
 */
public final class TestRunContext implements RunContext {
    private final Path outputDir;
    private final Path cacheDir;
    private final long seed;
    private Blackboard board = new Blackboard();
    private final MemoryRecorder recorder = new MemoryRecorder();
    // shortcuts to what the recorder kept, for assertions
    public final Map<String, Object> results = recorder.results;
    public final Map<String, double[]> arrays = recorder.arrays;
    public final Map<String, int[]> arrayShapes = recorder.arrayShapes;
    public final Map<String, List<List<Object>>> tables = recorder.tables;
    public final Map<Path, String> artifacts = recorder.artifacts;
    public final Map<String, String> inputHashes = recorder.inputHashes;
    public final List<String> warnings = recorder.warnings;
    private final List<String> statuses = new ArrayList<>();
    private int repeat;

    /** Outputs go to {@code outputDir} itself, the cache to its "cache" subfolder. */
    public TestRunContext(Path outputDir, long seed) {
        this(outputDir, outputDir.resolve("cache"), seed);
    }

    /** Lets two runs share one cache folder. */
    public TestRunContext(Path outputDir, Path cacheDir, long seed) {
        this.outputDir = createDirectories(outputDir);
        this.cacheDir = createDirectories(cacheDir);
        this.seed = seed;
    }

    public TestRunContext(Path root) {
        this(root, 0L);
    }

    /** The i-th repeat of this run's analysis: outputs under repeat-i, starting from a copy of this run's slots. */
    public TestRunContext repeatOf(int i) {
        TestRunContext repeated = new TestRunContext(outputDir.resolve("repeat-" + i), cacheDir, seed + i);
        repeated.board = board.forRepeat();
        repeated.repeat = i;
        return repeated;
    }

    @Override
    public int repeat() {
        return repeat;
    }

    @Override
    public String runId() {
        return "test-run";
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

    @Override
    public Progress progress(String stage, long totalUnits, String unit) {
        return Progress.statusesTo(text -> statuses.add(stage + ": " + text));
    }

    /** Every status text shown so far, as "stage: text". */
    public List<String> statuses() {
        return List.copyOf(statuses);
    }

    @Override
    public MemoryRecorder recorder() {
        return recorder;
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps what was recorded, by kind, in the order it came. */
    public static final class MemoryRecorder implements Recorder {
        public final Map<String, Object> results = new LinkedHashMap<>();
        public final Map<String, List<String>> tableColumns = new LinkedHashMap<>();
        public final Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        public final Map<String, double[]> arrays = new LinkedHashMap<>();
        public final Map<String, int[]> arrayShapes = new LinkedHashMap<>();
        public final Map<Path, String> artifacts = new LinkedHashMap<>();
        public final Map<String, String> inputHashes = new LinkedHashMap<>();
        public final List<String> warnings = new ArrayList<>();

        @Override
        public void result(String path, Object value) {
            results.put(path, value);
        }

        @Override
        public void table(String name, List<String> columns, List<List<Object>> rows) {
            tableColumns.put(name, List.copyOf(columns));
            tables.put(name, List.copyOf(rows));
        }

        @Override
        public void array(String name, int[] shape, double[] values) {
            arrayShapes.put(name, shape.clone());
            arrays.put(name, values.clone());
        }

        @Override
        public void artifact(Path file, String description) {
            artifacts.put(file, description);
        }

        @Override
        public void inputHash(String name, String sha256) {
            inputHashes.put(name, sha256);
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    }
}

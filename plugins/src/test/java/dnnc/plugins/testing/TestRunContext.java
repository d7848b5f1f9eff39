package dnnc.plugins.testing;

import dnnc.api.Progress;
import dnnc.api.Recorder;
import dnnc.api.RunContext;
import dnnc.api.InvalidInputException;
import dnnc.api.Slot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory run for stage tests: slots in a map, results/tables/artifacts/warnings kept for assertions. */
public final class TestRunContext implements RunContext {
    private final Path outputDir;
    private final long seed;
    private final Map<String, Object> slots = new HashMap<>();
    public final Map<String, Object> results = new LinkedHashMap<>();
    public final Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
    public final Map<String, double[]> arrays = new LinkedHashMap<>();
    public final List<Path> artifacts = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();

    public TestRunContext(Path outputDir, long seed) {
        this.outputDir = outputDir;
        this.seed = seed;
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
        return outputDir.resolve("cache");
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
        return get(slot).orElseThrow(() -> new InvalidInputException(neededBy + " needs '" + slot.name() + "' from an earlier step"));
    }

    @Override
    public <T> void put(Slot<T> slot, T value) {
        slots.put(slot.name(), value);
    }

    @Override
    public Progress progress(String stage, long totalUnits, String unit) {
        return Progress.silent();
    }

    @Override
    public Recorder recorder() {
        return new Recorder() {
            @Override
            public void result(String path, Object value) {
                results.put(path, value);
            }

            @Override
            public void table(String name, List<String> columns, List<List<Object>> rows) {
                tables.put(name, rows);
            }

            @Override
            public void array(String name, int[] shape, double[] values) {
                arrays.put(name, values);
            }

            @Override
            public void artifact(Path file, String description) {
                artifacts.add(file);
            }

            @Override
            public void inputHash(String name, String sha256) {
            }

            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
    }
}

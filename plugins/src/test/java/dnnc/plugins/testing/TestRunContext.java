package dnnc.plugins.testing;

import dnnc.api.Progress;
import dnnc.api.Recorder;
import dnnc.api.RunContext;
import dnnc.api.Slot;
import dnnc.api.InvalidInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory run for stage tests: slots in a map, everything recorded kept in public collections. */
public final class TestRunContext implements RunContext {
    public final Map<String, Object> results = new LinkedHashMap<>();
    public final Map<String, double[]> arrays = new LinkedHashMap<>();
    public final Map<String, int[]> arrayShapes = new LinkedHashMap<>();
    public final Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
    public final Map<Path, String> artifacts = new LinkedHashMap<>();
    public final Map<String, String> inputHashes = new LinkedHashMap<>();
    public final List<String> warnings = new ArrayList<>();

    private final Path outputDir;
    private final long seed;
    private final Map<Slot<?>, Object> slots = new HashMap<>();

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
        return Optional.ofNullable(slot.type().cast(slots.get(slot)));
    }

    @Override
    public <T> T require(Slot<T> slot, String neededBy) {
        return get(slot).orElseThrow(() -> new InvalidInputException(neededBy + " needs '" + slot.name() + "' from an earlier step"));
    }

    @Override
    public <T> void put(Slot<T> slot, T value) {
        slots.put(slot, value);
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
                arrayShapes.put(name, shape);
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
        };
    }
}

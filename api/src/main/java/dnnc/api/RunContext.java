package dnnc.api;

import java.nio.file.Path;
import java.util.Optional;

/** What a step sees of the run it belongs to. */
public interface RunContext {
    String runId();

    /** The run's own folder: figures, CSVs, results.json and the report go here. */
    Path outputDir();

    /** Shared across runs: trained models keyed by data hash and parameters. */
    Path cacheDir();

    /** The run's master seed; steps derive their own seeds from it unless given one. */
    long seed();

    <T> Optional<T> get(Slot<T> slot);

    /** The slot's value, or an {@link InvalidInputException} saying which earlier step the workflow lacks. */
    <T> T require(Slot<T> slot, String neededBy);

    <T> void put(Slot<T> slot, T value);

    Progress progress(String stage, long totalUnits, String unit);

    Recorder recorder();
}

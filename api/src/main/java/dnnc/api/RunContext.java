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

    /** The run's slots: what earlier steps of this analysis (or this repeat of it) left for later ones. */
    Blackboard blackboard();

    default <T> Optional<T> get(Slot<T> slot) {
        return blackboard().get(slot);
    }

    /** The slot's value, or an {@link InvalidInputException} saying which earlier step the workflow lacks. */
    default <T> T require(Slot<T> slot, String neededBy) {
        return get(slot).orElseThrow(() -> new InvalidInputException(neededBy + " needs the " + slot.name()
                + " of an earlier step; add that step before it in the workflow"));
    }

    default <T> void put(Slot<T> slot, T value) {
        blackboard().put(slot, value);
    }

    /**
     * Every value the slot has held in this run, oldest first: the main analysis, then each repeat of it
     * (workflows repeat an analysis with other seeds in a `loop`; each repeat sees its own slots).
     */
    default <T> java.util.List<T> history(Slot<T> slot) {
        return blackboard().history(slot);
    }

    /** The workflow, parameters and provenance of this run (for reports). */
    default RunInfo info() {
        return RunInfo.unknown(runId());
    }

    /** 0 in the main analysis; i in the i-th repeat. */
    default int repeat() {
        return 0;
    }

    /** Where this run computes the independent units of its stages: in this thread unless a broker spreads them. */
    default WorkUnits units() {
        return WorkUnits.inThisThread(blackboard());
    }

    Progress progress(String stage, long totalUnits, String unit);

    Recorder recorder();
}

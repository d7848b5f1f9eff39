package dnnc.runner.units;

import dnnc.api.Blackboard;
import dnnc.api.InvalidInputException;
import dnnc.api.Slot;
import dnnc.api.Slots;
import dnnc.api.TrainedModel;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sha256 of the trained models on a board, by slot: what makes a worker's numbers the run's numbers. */
final class ModelHashes {
    private static final List<Slot<? extends TrainedModel>> MODELS = List.of(Slots.MODEL, Slots.JUDGE);

    private ModelHashes() {
    }

    static Map<String, String> of(Blackboard board) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Slot<? extends TrainedModel> slot : MODELS) {
            board.get(slot).ifPresent(model -> hashes.put(slot.name(), model.sha256()));
        }
        return hashes;
    }

    /** Refuses a prepared board whose models are not the run's. */
    static void check(Prelude prelude, Blackboard board, Path cacheDir) {
        Map<String, String> here = of(board);
        prelude.modelHashes().forEach((slot, expected) -> {
            String got = here.get(slot);
            if (!expected.equals(got)) {
                throw new InvalidInputException("the " + slot + " this worker prepared (sha256 " + got + ", cache " + cacheDir
                        + ") is not the run's (sha256 " + expected + "); give the worker the run's model cache with --cache");
            }
        });
    }
}

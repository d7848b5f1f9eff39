package dnnc.api;

import java.util.Map;

/**
 * Checks a configured step can run before the run is put on record, so that a bad file or a parameter that does
 * not fit an earlier step is one line of error and leaves the record store untouched. Steps are checked in
 * workflow order; each may read what earlier steps declared in {@code facts} and declare its own (a data set its
 * class count, a model its latent count). A fact that is missing means "not known before the run": skip that check.
 */
public interface Preflight {
    /** The run's master seed, as text. Set by the runner. */
    String RUN_SEED = "run.seed";
    /** The trained-model cache folder. Set by the runner. */
    String CACHE_DIR = "run.cache-dir";
    /** The sha256 identifying the data set's files and split (as {@link LabeledData#sha256()}). */
    String DATA_SHA256 = "data.sha256";
    /** Number of classes of the data set. */
    String DATA_CLASSES = "data.classes";
    /** Shape of the data set's rows as an array, e.g. {@code (2000, 784)}, for checks against a network's input. */
    String DATA_SHAPE = "data.shape";
    /** NumPy's name of the data's element type ({@code float32}, ...). */
    String DATA_DTYPE = "data.dtype";
    /**
     * "true" when each row of the data comes flat (CSV: one line of values, the input flattened in C order), so only
     * its value count can be checked against a network's input shape; "false" when the rows carry their shape.
     */
    String DATA_FLAT_ROWS = "data.flat-rows";
    /** The data file, for messages. */
    String DATA_FILE = "data.file";
    /** "true" when the data set has labels, "false" when it has none. */
    String DATA_LABELLED = "data.labelled";
    /** Number of latent inputs of the model under study. */
    String MODEL_LATENTS = "model.latents";

    /** Throws {@link InvalidInputException} (one line naming the file or parameter) when the step cannot run. */
    void preflight(Map<String, String> facts);
}

package dnnc.api;

import java.nio.file.Path;
import java.util.List;

/**
 * Puts results on record. Results are addressed by dotted paths ("model.test_bce"), which also place them
 * in results.json; values are numbers, strings, booleans, lists and maps of those.
 */
public interface Recorder {
    void result(String path, Object value);

    /** A small table, stored row by row. */
    void table(String name, List<String> columns, List<List<Object>> rows);

    /** A large array, stored as a BLOB (little-endian float64). */
    void array(String name, int[] shape, double[] values);

    /** A file the step wrote under the run folder; recorded with its sha256. */
    void artifact(Path file, String description);

    /** Hashes that identify inputs (data files, trained models) for provenance. */
    void inputHash(String name, String sha256);

    void warning(String message);

    /** Keeps nothing on record and hands warnings to {@code warnings}: for work whose results are recorded elsewhere. */
    static Recorder discarding(java.util.function.Consumer<String> warnings) {
        return new Recorder() {
            @Override
            public void result(String path, Object value) {
            }

            @Override
            public void table(String name, List<String> columns, List<List<Object>> rows) {
            }

            @Override
            public void array(String name, int[] shape, double[] values) {
            }

            @Override
            public void artifact(Path file, String description) {
            }

            @Override
            public void inputHash(String name, String sha256) {
            }

            @Override
            public void warning(String message) {
                warnings.accept(message);
            }
        };
    }
}

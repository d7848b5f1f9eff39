package dnnc.runner.run;

import dnnc.api.Recorder;

import java.nio.file.Path;
import java.util.List;

/** Records a repeat's results beside the main analysis's, under a prefix, so neither overwrites the other. */
final class PrefixedRecorder implements Recorder {
    private final Recorder target;
    private final String prefix;

    PrefixedRecorder(Recorder target, String prefix) {
        this.target = target;
        this.prefix = prefix;
    }

    @Override
    public void result(String path, Object value) {
        target.result(prefix + path, value);
    }

    @Override
    public void table(String name, List<String> columns, List<List<Object>> rows) {
        target.table(prefix + name, columns, rows);
    }

    @Override
    public void array(String name, int[] shape, double[] values) {
        target.array(prefix + name, shape, values);
    }

    @Override
    public void artifact(Path file, String description) {
        target.artifact(file, description);
    }

    @Override
    public void inputHash(String name, String sha256) {
        target.inputHash(name, sha256);
    }

    @Override
    public void warning(String message) {
        target.warning(prefix + message);
    }
}

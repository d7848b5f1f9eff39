package dnnc.runner.run;

import dnnc.api.Recorder;

import java.nio.file.Path;
import java.util.List;

/** Records through another recorder with paths and secrets replaced (see {@link Redaction}). */
final class RedactingRecorder implements Recorder {
    private final Recorder target;
    private final Redaction redaction;

    RedactingRecorder(Recorder target, Redaction redaction) {
        this.target = target;
        this.redaction = redaction;
    }

    @Override
    public void result(String path, Object value) {
        target.result(path, redaction.applyDeep(value));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void table(String name, List<String> columns, List<List<Object>> rows) {
        target.table(name, columns, (List<List<Object>>) redaction.applyDeep(rows));
    }

    @Override
    public void array(String name, int[] shape, double[] values) {
        target.array(name, shape, values);
    }

    @Override
    public void artifact(Path file, String description) {
        target.artifact(file, redaction.apply(description));
    }

    @Override
    public void inputHash(String name, String sha256) {
        target.inputHash(redaction.apply(name), sha256);
    }

    @Override
    public void warning(String message) {
        target.warning(redaction.apply(message));
    }
}

package dnnc.runner.units;

import dnnc.api.Recorder;

import java.nio.file.Path;
import java.util.List;

/** Where a worker's preparation records go: nowhere, the run has recorded its own steps. */
final class DiscardingRecorder implements Recorder {
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
    }
}

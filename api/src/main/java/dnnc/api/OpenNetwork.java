package dnnc.api;

import java.util.Map;

/** A network opened by a {@link NetworkFormat}, ready to run; holds native resources until closed. */
public interface OpenNetwork extends AutoCloseable {
    NetworkSummary summary();

    /**
     * Runs the rows of {@code inputs} (shape: rows, then the network input's shape after its batch axis) with the
     * edits, in batches of at most {@code batchSize} rows, and returns every probed tensor by name and the graph
     * output as {@code output} (whatever the network calls it), each of shape (rows, ...) exactly as computed.
     */
    Map<String, Tensor> run(Tensor inputs, UnitEdits edits, int batchSize);

    @Override
    void close();
}

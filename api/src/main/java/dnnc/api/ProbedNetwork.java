package dnnc.api;

/**
 * A network brought as a file (ONNX, ...) and opened for analysis: its {@link #probe()} numbers the input features
 * (layer 0), the units of every probed tensor and the graph output (last layer) as the study numbers the decoder's
 * neurons, so attribution, similarity, clustering and lesion steps work on it unchanged.
 */
public interface ProbedNetwork extends TrainedModel {
    NetworkProbe probe();

    /** What the network is: file, sha256, inputs, probed tensors and their units, parameter count. */
    NetworkSummary summary();
}

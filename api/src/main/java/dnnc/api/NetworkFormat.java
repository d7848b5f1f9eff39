package dnnc.api;

import java.nio.file.Path;

/**
 * A file format of trained networks dnnc can open (ONNX, ...). Found through {@link java.util.ServiceLoader}
 * (listed in META-INF/services/dnnc.api.NetworkFormat), so the CLI opens networks of engines it does not link.
 */
public interface NetworkFormat {
    /** Short name, e.g. "onnx". */
    String name();

    /** Whether this format reads the file (by its name or first bytes); the file need not be valid. */
    boolean reads(Path file);

    /**
     * Opens the network, instrumented for probing, lesions and interventions at the selected tensors. A file that
     * is not a valid network, a choice that does not exist: {@link InvalidInputException} naming the file.
     */
    OpenNetwork open(Path file, TensorSelection selection);

    /**
     * The network as a {@link NetworkProbe}: layer 0 its input's features, then one layer per selected tensor (one
     * neuron per unit), then the graph output; run in batches of at most {@code batchSize} rows.
     */
    default NetworkProbe openProbe(Path file, TensorSelection selection, int batchSize) {
        throw new InvalidInputException("format " + name() + " opens networks for dnnc inspect and activations only");
    }

    /** Writes dense layers as a network file of this format, each layer's activation output named as the layer. */
    default void writeDense(DenseLayers network, Path file) {
        throw new InvalidInputException("format " + name() + " does not write networks");
    }

    /** Writes a convolutional image classifier as a network file of this format, its output the class scores. */
    default void writeConvolutional(ConvolutionalLayers network, Path file) {
        throw new InvalidInputException("format " + name() + " does not write networks");
    }
}

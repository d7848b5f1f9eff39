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
}

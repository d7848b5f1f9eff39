package dnnc.api;

import java.util.List;

/**
 * Which of a network's tensors to probe and which input to feed. {@code tensors} are names or globs
 * ({@code *} any run of characters, {@code ?} one); empty means the engine's default (the outputs of
 * activation functions). {@code input} may be null when the network has one input.
 */
public record TensorSelection(String input, List<String> tensors) {
    public TensorSelection {
        tensors = List.copyOf(tensors);
    }

    public static TensorSelection defaults() {
        return new TensorSelection(null, List.of());
    }
}

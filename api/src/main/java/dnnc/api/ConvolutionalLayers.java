package dnnc.api;

import java.util.List;

/**
 * An image classifier of convolution blocks then dense layers, as its weights, for writing it to a file that other
 * tools open. Its input is {@code rows} x {@code cols} one-channel images, flat and row-major. Block b is a valid
 * {@code kernel} x {@code kernel} convolution whose weights {@code convolutions.get(b)} are [kernel * kernel *
 * channels][filters] with rows running over (dy, dx, channel), plus {@code biases.get(b)}, then ReLU, then 2 x 2
 * max pooling with stride 2 (an odd last row or column dropped). The last block's map, flattened in (row, column,
 * channel) order, is layer 0 of {@code head}, whose last layer gives the class scores (logits).
 */
public record ConvolutionalLayers(int rows, int cols, int kernel, List<float[][]> convolutions, List<float[]> biases, DenseLayers head) {
    public ConvolutionalLayers {
        convolutions = List.copyOf(convolutions);
        biases = List.copyOf(biases);
    }
}

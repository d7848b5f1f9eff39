package dnnc.api;

public interface ImageClassifier extends TrainedModel {
    /** Predicted class of each of {@code count} images given row-major in [0, 1]. */
    int[] classify(float[] images, int count);

    double heldOutAccuracy();

    /** The trained weights as convolution blocks and dense layers (for export); empty when it is no such network. */
    default java.util.Optional<ConvolutionalLayers> layers() {
        return java.util.Optional.empty();
    }
}

package dnnc.api;

public interface ImageClassifier extends TrainedModel {
    /** Predicted class of each of {@code count} images given row-major in [0, 1]. */
    int[] classify(float[] images, int count);

    double heldOutAccuracy();
}

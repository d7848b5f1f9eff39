package dnnc.api;

import java.util.Map;

/** A data set split into training and held-out parts; {@code sha256} identifies its source files together. */
public record LabeledData(String source, ImageSet train, ImageSet heldOut, int classCount, String sha256,
                          Map<String, String> fileSha256) {
    /** Share of each class among the training labels. */
    public double[] classFrequencies() {
        double[] f = new double[classCount];
        for (int label : train.labels()) {
            f[label]++;
        }
        for (int k = 0; k < classCount; k++) {
            f[k] /= train.count();
        }
        return f;
    }
}

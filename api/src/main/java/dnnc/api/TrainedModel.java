package dnnc.api;

import java.util.Map;

public interface TrainedModel {
    /** sha256 of the saved model file: identifies it in provenance. */
    String sha256();

    /** Numbers about the model worth recording (loss, accuracy, ...), by results.json key. */
    Map<String, Object> metrics();
}

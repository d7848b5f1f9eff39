package dnnc.api;

/**
 * Plugin kind "model": trains (or loads from the cache) a network. The result is a
 * {@link ConditionalGenerator} (the network under study) or an {@link ImageClassifier} (a judge).
 */
public interface ModelTrainer extends Plugin {
    TrainedModel fit(LabeledData data, RunContext context);
}

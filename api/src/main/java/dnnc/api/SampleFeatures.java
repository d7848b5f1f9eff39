package dnnc.api;

/**
 * For one input and each alpha: {@code activations[a]} and {@code effects[a]} are row-major draws x neurons
 * (all neurons of {@code layout}); effects are activations minus their mean over the alpha grid, per draw.
 */
public record SampleFeatures(int input, double[] alphas, NeuronLayout layout, int draws,
                             float[][] activations, float[][] effects) {
    public float[] of(FeatureKind kind, int alphaIndex) {
        return kind == FeatureKind.ACTIVATION ? activations[alphaIndex] : effects[alphaIndex];
    }
}

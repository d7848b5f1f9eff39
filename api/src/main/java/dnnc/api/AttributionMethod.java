package dnnc.api;

/** Plugin kind "attribution": how much each decoder input drives each neuron. */
public interface AttributionMethod extends Plugin {
    AttributionResult attribute(AttributionRequest request, Progress progress);

    /**
     * Per-draw activations and effects of one input over the alpha grid (METHODS.md section 3), the features that
     * neurons are clustered by. Methods that do not sample return empty.
     */
    default java.util.Optional<SampleFeatures> sampleFeatures(AttributionRequest request, int input, Progress progress) {
        return java.util.Optional.empty();
    }
}

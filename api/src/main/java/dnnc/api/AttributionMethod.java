package dnnc.api;

import java.util.Optional;
import java.util.OptionalInt;

/** Plugin kind "attribution": how much each decoder input drives each neuron. */
public interface AttributionMethod extends Plugin {
    /** What this method's parameters ask of the given decoder; {@code runSeed} serves when no seed of its own is set. */
    AttributionRequest request(NetworkProbe network, InputSchema schema, long runSeed);

    AttributionResult attribute(AttributionRequest request, Progress progress);

    /**
     * Per-draw activations and effects of one input over the alpha grid (docs/METHODS.md section 3), the features
     * that neurons are clustered by. Methods that do not sample return empty.
     */
    default Optional<SampleFeatures> sampleFeatures(AttributionRequest request, int input, Progress progress) {
        return Optional.empty();
    }

    /** The latent whose per-draw features are kept; empty leaves the choice to the run (the latent that moves the image most). */
    default OptionalInt focusLatent() {
        return OptionalInt.empty();
    }

    /**
     * Attribution of a network brought as a file, over rows of its data set; empty for methods made for the study's
     * decoder (the attribution step then names the methods that do it). Progress is reported in percent.
     */
    default Optional<RowAttribution> attributeRows(RowAttributionRequest request, Progress progress) {
        return Optional.empty();
    }

    /** Units of work {@link #attribute} reports to its progress, for a bar with an ETA. */
    default long workUnits(AttributionRequest request) {
        return 1;
    }
}

package dnnc.api;

/** A generator of images from latent codes and a class, such as the conditional beta-VAE's decoder. */
public interface ConditionalGenerator extends TrainedModel {
    /** The decoder: inputs are {@link #inputs()}, outputs are pixel probabilities. */
    NetworkProbe decoder();

    InputSchema inputs();

    /** The decoder's trained weights as dense layers, whichever engine runs it (for export); empty when it is no dense network. */
    default java.util.Optional<DenseLayers> decoderLayers() {
        return decoder().denseLayers();
    }

    int imageRows();

    int imageCols();

    /** KL divergence per latent dimension on held-out data, in nats: which latents are active. */
    double[] klPerLatent();
}

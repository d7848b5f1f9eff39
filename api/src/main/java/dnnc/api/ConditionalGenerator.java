package dnnc.api;

/** A generator of images from latent codes and a class, such as the conditional beta-VAE's decoder. */
public interface ConditionalGenerator extends TrainedModel {
    /** The decoder: inputs are {@link #inputs()}, outputs are pixel probabilities. */
    NetworkProbe decoder();

    InputSchema inputs();

    int imageRows();

    int imageCols();

    /** KL divergence per latent dimension on held-out data, in nats: which latents are active. */
    double[] klPerLatent();
}

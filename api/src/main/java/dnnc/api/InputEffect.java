package dnnc.api;

/**
 * The effect of one input on every neuron: {@code ace[v][neuron]} for each intervention value {@code values[v]}
 * (the alpha grid for a latent; the single value 1 for a class input), with its standard error when the
 * method has one (else null).
 */
public record InputEffect(int input, double[] values, double[][] ace, double[][] standardError) {
}

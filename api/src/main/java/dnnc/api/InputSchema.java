package dnnc.api;

/**
 * The decoder's input layout: {@code latents} standard-normal inputs followed by a one-hot block of
 * {@code classes}, drawn from {@code classFrequencies} when the class is not intervened on.
 */
public record InputSchema(int latents, int classes, double[] classFrequencies) {
    public int size() {
        return latents + classes;
    }

    public boolean isLatent(int input) {
        return input < latents;
    }

    public String label(int input) {
        return isLatent(input) ? "z_" + input : "c_" + (input - latents);
    }
}

package dnnc.plugins.lesion;

import dnnc.api.InputSchema;

import java.util.Random;

/**
 * The decoder inputs every lesion is evaluated on: for each alpha of the grid, {@code draws} rows with
 * do(z_latent = alpha), the other latents N(0, 1) and c = one-hot of the target class. Rows are alpha-major
 * (row = alphaIndex * draws + draw). The same noise is used for every alpha (common random numbers), and every
 * lesion of a run sees the same rows, so cluster lesions and their random controls are compared pairwise.
 */
public record EvaluationDesign(double[] alphas, int draws, int latent, int target, int inputSize, float[] inputs) {

    public static EvaluationDesign of(InputSchema schema, int latent, double[] alphas, int draws, int target, long seed) {
        if (!schema.isLatent(latent)) {
            throw new IllegalArgumentException("input " + latent + " is not a latent of " + schema);
        }
        if (target < 0 || target >= schema.classes()) {
            throw new IllegalArgumentException("target class " + target + " of " + schema.classes());
        }
        int width = schema.size();
        float[] noise = new float[draws * schema.latents()];
        Random random = new Random(seed);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        float[] inputs = new float[alphas.length * draws * width];
        for (int a = 0; a < alphas.length; a++) {
            for (int d = 0; d < draws; d++) {
                int row = (a * draws + d) * width;
                System.arraycopy(noise, d * schema.latents(), inputs, row, schema.latents());
                inputs[row + latent] = (float) alphas[a];
                inputs[row + schema.latents() + target] = 1f;
            }
        }
        return new EvaluationDesign(alphas.clone(), draws, latent, target, width, inputs);
    }

    public int rows() {
        return alphas.length * draws;
    }

    public int row(int alphaIndex, int draw) {
        return alphaIndex * draws + draw;
    }
}

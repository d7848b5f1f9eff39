package dnnc.plugins.analysis;

import dnnc.api.ConditionalGenerator;
import dnnc.api.InputSchema;
import dnnc.api.Lesion;

import java.util.Random;

/**
 * Decodes one digit while one latent is swept: every other latent keeps one fixed standard-normal draw and the
 * class input is the one-hot of the target, so the images differ only through the swept latent.
 */
public final class LatentSweep {
    private final ConditionalGenerator generator;
    private final float[] baseInput;

    /** @param seed seeds the fixed noise draw of all latents */
    public LatentSweep(ConditionalGenerator generator, int targetClass, long seed) {
        InputSchema schema = generator.inputs();
        if (targetClass < 0 || targetClass >= schema.classes()) {
            throw new IllegalArgumentException("target class " + targetClass + " outside 0.." + (schema.classes() - 1));
        }
        this.generator = generator;
        this.baseInput = new float[schema.size()];
        Random random = new Random(seed);
        for (int i = 0; i < schema.latents(); i++) {
            baseInput[i] = (float) random.nextGaussian();
        }
        baseInput[schema.latents() + targetClass] = 1f;
    }

    /** The decoder input before any latent is set: noise latents, then the one-hot class. */
    public float[] baseInput() {
        return baseInput.clone();
    }

    /** Images for z_latent = each alpha, row-major alphas.length x pixels (pixel probabilities). */
    public float[] decode(int latent, double[] alphas) {
        if (!generator.inputs().isLatent(latent) || latent < 0) {
            throw new IllegalArgumentException("input " + latent + " is not a latent");
        }
        int width = baseInput.length;
        float[] batch = new float[alphas.length * width];
        for (int k = 0; k < alphas.length; k++) {
            System.arraycopy(baseInput, 0, batch, k * width, width);
            batch[k * width + latent] = (float) alphas[k];
        }
        return generator.decoder().forward(batch, alphas.length, Lesion.none()).output();
    }

    /** Image k of a batch returned by {@link #decode}. */
    public float[] image(float[] decoded, int k) {
        int pixels = generator.imageRows() * generator.imageCols();
        float[] one = new float[pixels];
        System.arraycopy(decoded, k * pixels, one, 0, pixels);
        return one;
    }
}

package dnnc.api;

import java.util.List;

/**
 * What each latent does to the drawn digit (docs/METHODS.md section 6, finding 1): the decoder's images of the
 * target digit with one latent set to each alpha and every other input fixed by one seeded draw, their shapes,
 * and per latent the range of the orientation (degrees) and the ratio of the largest to the smallest ink area.
 * {@code sweep} holds finer-spaced images of the same sweep, from the smallest to the largest alpha, for animation.
 */
public record LatentShapes(int target, long seed, double[] alphas, int imageRows, int imageCols, List<Latent> latents) {

    /** One latent's sweep: images and shapes per alpha (pixel probabilities, row-major), then its two ranges. */
    public record Latent(float[][] images, ImageShape[] shapes, double rotationRangeDeg, double scaleRatio,
                         double[] sweepAlphas, float[][] sweep) {
    }

    public double[] rotationRangeDeg() {
        return latents.stream().mapToDouble(Latent::rotationRangeDeg).toArray();
    }

    public double[] scaleRatio() {
        return latents.stream().mapToDouble(Latent::scaleRatio).toArray();
    }
}

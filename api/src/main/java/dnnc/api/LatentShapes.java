package dnnc.api;

/**
 * How each latent changes the drawn digit over the alpha grid (docs/METHODS.md section 6, finding 1): the range of
 * its orientation in degrees and the ratio of its largest to smallest ink area, one entry per latent.
 */
public record LatentShapes(double[] rotationRangeDeg, double[] scaleRatio) {
}

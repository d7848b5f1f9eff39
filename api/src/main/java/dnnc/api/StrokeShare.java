package dnnc.api;

/**
 * Where a latent's positive ACE falls on the image (docs/METHODS.md section 6, finding 2): per alpha, the share of
 * the positive part of ACE(z_latent = alpha) on the output pixels that lies on the strokes of the digit the decoder
 * draws at that alpha (pixels whose mean reconstruction is at least {@code strokeLevel}), and the strokes' share of
 * the image; pooled over alpha, each alpha weighted by its positive ACE mass, with {@code chance} the share uniformly
 * spread effects would give.
 */
public record StrokeShare(int latent, double[] alphas, double[] sharePerAlpha, double[] strokeFraction, double pooledShare,
                          double chance, double strokeLevel) {
}

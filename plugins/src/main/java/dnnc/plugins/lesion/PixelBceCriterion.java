package dnnc.plugins.lesion;

import dnnc.api.PluginInfo;
import dnnc.api.ReconstructionBatch;

/**
 * Damage = binary cross-entropy of the lesioned reconstruction q against the intact decoder's reconstruction
 * t, averaged over pixels: -mean_p [t log q + (1 - t) log(1 - q)] (nats per pixel; q clipped to [1e-7, 1 - 1e-7]).
 * An unlesioned decoder scores the entropy of its own pixels, not 0; tests compare lesions on the same draws,
 * so that constant cancels. A reconstruction "fails" when its BCE exceeds the 95th percentile of the
 * reconstructions' BCE under the matched random lesions (see {@link LesionStudy}).
 */
@PluginInfo(name = "pixel-bce", description = "damage = mean pixel BCE of the lesioned reconstruction against the intact one")
public final class PixelBceCriterion extends LesionSettings {
    private static final double CLIP = 1e-7;

    @Override
    public double[] damage(ReconstructionBatch batch) {
        int pixels = batch.rows() * batch.cols();
        double[] damage = new double[batch.count()];
        for (int i = 0; i < batch.count(); i++) {
            damage[i] = meanBce(batch.lesioned(), batch.intact(), i * pixels, pixels);
        }
        return damage;
    }

    /** Mean BCE of q = lesioned[from..from+n) against t = intact[from..from+n), q clipped. */
    static double meanBce(float[] lesioned, float[] intact, int from, int n) {
        double sum = 0;
        for (int p = from; p < from + n; p++) {
            double q = Math.min(1 - CLIP, Math.max(CLIP, lesioned[p]));
            double t = intact[p];
            sum -= t * Math.log(q) + (1 - t) * Math.log(1 - q); // 1 - q is exact in double for a float q, so log1p (StrictMath, ~10x slower) buys nothing
        }
        return sum / n;
    }
}

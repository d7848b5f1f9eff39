package dnnc.plugins.lesion;

import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.ReconstructionBatch;

/**
 * For decoders and regressors: damage = mean over the output values of the squared error (mse) or the binary
 * cross-entropy (bce, outputs read as probabilities, clipped to [1e-7, 1 - 1e-7]) of the lesioned output against the
 * intact one. A row fails when its damage exceeds the matched random lesions' (1 - significance) quantile.
 */
@PluginInfo(name = "output-distance", description = "damage = MSE or BCE of the lesioned output against the intact output, per row")
public final class OutputDistanceCriterion extends NetworkLesionSettings {
    @Param(description = "mse for any output; bce for outputs that are probabilities (sigmoid decoders)", allowed = {"mse", "bce"})
    String loss = "mse";

    @Override
    public double[] damage(ReconstructionBatch batch) {
        int width = batch.width();
        double[] damage = new double[batch.count()];
        for (int i = 0; i < batch.count(); i++) {
            damage[i] = loss.equals("bce") ? PixelBceCriterion.meanBce(batch.lesioned(), batch.intact(), i * width, width)
                    : meanSquaredError(batch.lesioned(), batch.intact(), i * width, width);
        }
        return damage;
    }

    private static double meanSquaredError(float[] lesioned, float[] intact, int from, int n) {
        double sum = 0;
        for (int p = from; p < from + n; p++) {
            double d = lesioned[p] - intact[p];
            sum += d * d;
        }
        return sum / n;
    }
}

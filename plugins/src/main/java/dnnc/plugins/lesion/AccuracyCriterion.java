package dnnc.plugins.lesion;

import dnnc.api.PluginInfo;
import dnnc.api.ReconstructionBatch;

/**
 * A labelled classifier's damage: per row, wrong(lesioned) - wrong(intact) on the top-1 prediction, so the mean
 * damage (the failure rate) is the drop in accuracy from the intact network's.
 */
@PluginInfo(name = "accuracy", description = "damage = drop in top-1 accuracy against the intact network (needs labels)")
public final class AccuracyCriterion extends NetworkLesionSettings {
    @Override
    public double[] damage(ReconstructionBatch batch) {
        int[] lesioned = TopClass.of(batch.lesioned(), batch.count());
        int[] intact = TopClass.of(batch.intact(), batch.count());
        double[] damage = new double[batch.count()];
        for (int i = 0; i < damage.length; i++) {
            int label = batch.labels()[i];
            damage[i] = (lesioned[i] != label ? 1 : 0) - (intact[i] != label ? 1 : 0);
        }
        return damage;
    }

    @Override
    public boolean passFail() {
        return true;
    }

    @Override
    public boolean needsLabels() {
        return true;
    }
}

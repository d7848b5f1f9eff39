package dnnc.plugins.lesion;

import dnnc.api.PluginInfo;
import dnnc.api.ReconstructionBatch;

/** A row fails when the lesioned network's top-1 prediction differs from the intact network's; no labels needed. */
@PluginInfo(name = "agreement", description = "damage 1 when the top-1 prediction changes from the intact network's (no labels needed)")
public final class AgreementCriterion extends NetworkLesionSettings {
    @Override
    public double[] damage(ReconstructionBatch batch) {
        int[] lesioned = TopClass.of(batch.lesioned(), batch.count());
        int[] intact = TopClass.of(batch.intact(), batch.count());
        double[] damage = new double[batch.count()];
        for (int i = 0; i < damage.length; i++) {
            damage[i] = lesioned[i] != intact[i] ? 1 : 0;
        }
        return damage;
    }

    @Override
    public boolean passFail() {
        return true;
    }
}

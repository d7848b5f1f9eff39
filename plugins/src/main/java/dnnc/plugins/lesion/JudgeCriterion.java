package dnnc.plugins.lesion;

import dnnc.api.ImageClassifier;
import dnnc.api.PluginInfo;
import dnnc.api.ReconstructionBatch;

/** A reconstruction fails when the judge classifier does not see the target digit in it. */
@PluginInfo(name = "judge", description = "damage 1 when the judge classifier does not recognise the target digit in the lesioned reconstruction")
public final class JudgeCriterion extends LesionSettings {
    @Override
    public double[] damage(ReconstructionBatch batch) {
        ImageClassifier judge = batch.judge();
        if (judge == null) {
            throw new IllegalArgumentException("the judge criterion needs a judge classifier");
        }
        int[] predicted = judge.classify(batch.lesioned(), batch.count());
        double[] damage = new double[batch.count()];
        for (int i = 0; i < damage.length; i++) {
            damage[i] = predicted[i] == batch.targetClass() ? 0 : 1;
        }
        return damage;
    }

    @Override
    public boolean passFail() {
        return true;
    }

    @Override
    public boolean needsJudge() {
        return true;
    }
}

package dnnc.api;

/** Plugin kind "lesion": how badly a lesion damaged the reconstructions. */
public interface LesionCriterion extends Plugin {
    /** Damage of each reconstruction (higher is worse; 0/1 for a pass/fail criterion). */
    double[] damage(ReconstructionBatch batch);

    /** True when the criterion needs the judge classifier. */
    default boolean needsJudge() {
        return false;
    }
}

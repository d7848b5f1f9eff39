package dnnc.api;

/** Plugin kind "lesion": how badly a lesion damaged the reconstructions, and how the lesion step tests clusters. */
public interface LesionCriterion extends Plugin {
    /** Damage of each reconstruction (higher is worse; 0/1 for a {@link #passFail()} criterion). */
    double[] damage(ReconstructionBatch batch);

    /** The lesion study this criterion's step runs; {@code runSeed} serves when no seed of its own is set. */
    LesionDesign design(long runSeed);

    /**
     * True when damage is 0 (pass) or 1 (fail), so the failure rate is the mean damage; otherwise a reconstruction
     * fails when its damage exceeds the matched random lesions' (1 - significance) quantile.
     */
    default boolean passFail() {
        return false;
    }

    /** True when the criterion needs each evaluated row's label (a labelled data set). */
    default boolean needsLabels() {
        return false;
    }

    /** True when the criterion needs the judge classifier. */
    default boolean needsJudge() {
        return false;
    }
}

package dnnc.api;

/**
 * How a lesion step tests clusters (docs/METHODS.md section 5): {@code draws} draws of the other latents per alpha
 * in every evaluation, {@code randomLesions} matched random lesions per significance test, the
 * {@code testedClusters} most damaging clusters of each clustering tested (Holm over them) at level
 * {@code significance}, the digit {@code target} drawn, the lesion {@code seed}, {@code seeds} repeats with
 * independent lesion seeds, and whether lesions may silence hidden neurons only.
 */
public record LesionDesign(int draws, int randomLesions, int testedClusters, double significance, int target,
                           long seed, int seeds, boolean hiddenOnly) implements java.io.Serializable {
    public LesionDesign(int draws, int randomLesions, int testedClusters, double significance, int target, long seed, int seeds) {
        this(draws, randomLesions, testedClusters, significance, target, seed, seeds, false);
    }

    public LesionDesign withSeed(long newSeed) {
        return new LesionDesign(draws, randomLesions, testedClusters, significance, target, newSeed, seeds, hiddenOnly);
    }

    /** Cluster labels with the neurons outside the lesion scope set to -1 (out of every cluster and null). */
    public int[] inScope(int[] labels, NeuronLayout layout) {
        if (!hiddenOnly) {
            return labels;
        }
        int[] scoped = labels.clone();
        for (int g = 0; g < scoped.length; g++) {
            if (!layout.isHidden(g)) {
                scoped[g] = -1;
            }
        }
        return scoped;
    }
}

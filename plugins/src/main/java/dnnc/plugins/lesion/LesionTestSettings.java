package dnnc.plugins.lesion;

import dnnc.api.LesionCriterion;
import dnnc.api.LesionDesign;
import dnnc.api.Param;

/**
 * How every lesion criterion tests clusters against random lesions: declared here once, so that each criterion
 * plugin lists them with its own. {@link LesionSettings} adds the decoder's draws and target class,
 * {@link NetworkLesionSettings} the data rows of a network brought as a file.
 */
public abstract class LesionTestSettings implements LesionCriterion {
    @Param(description = "random lesions (same size, same count per layer) in each significance test", min = 19, max = 100000)
    int randomLesions = 200;

    @Param(description = "most damaging clusters of each clustering tested against random lesions (Holm over these)", min = 1, max = 1000)
    int testedClusters = 3;

    @Param(description = "significance level of the lesion tests", min = 0, max = 1, minExclusive = true, maxExclusive = true)
    double significance = 0.05;

    @Param(description = "seed of the evaluation draws and random lesions; -1 derives it from the run's seed", min = -1)
    long seed = -1;

    @Param(description = "neurons a cluster lesion may silence: all (inputs, hidden, outputs) or hidden only", allowed = {"all", "hidden"})
    String scope = "all";

    @Param(description = "repeats of the lesion analysis with independent lesion seeds (ranges are reported)", min = 1, max = 100)
    int seeds = 1;

    /** The lesion study with {@code draws} rows per alpha and the decoder's {@code target} class (0 for networks). */
    LesionDesign design(int draws, int target, long runSeed) {
        return new LesionDesign(draws, randomLesions, testedClusters, significance, target,
                seed >= 0 ? seed : runSeed ^ 0x1E510L, seeds, scope.equals("hidden"));
    }
}

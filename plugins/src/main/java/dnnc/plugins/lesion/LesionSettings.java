package dnnc.plugins.lesion;

import dnnc.api.LesionDesign;
import dnnc.api.Param;
import dnnc.api.Preflight;
import dnnc.plugins.support.TargetClass;

import java.util.Map;

/**
 * Parameters every built-in lesion criterion shares: they configure the lesion study the stage runs with it.
 * Declared here once so that each criterion plugin lists them with its own.
 */
public abstract class LesionSettings implements dnnc.api.LesionCriterion, Preflight {
    @Param(description = "draws of the other latents per alpha in every lesion evaluation", min = 2, max = 100000)
    int draws = 100;

    @Param(description = "random lesions (same size, same count per layer) in each significance test", min = 19, max = 100000)
    int randomLesions = 200;

    @Param(description = "most damaging clusters of each clustering tested against random lesions (Holm over these)", min = 1, max = 1000)
    int testedClusters = 3;

    @Param(description = "significance level of the lesion tests", min = 0, max = 1, minExclusive = true, maxExclusive = true)
    double significance = 0.05;

    @Param(description = "class the decoder is asked to draw", min = 0)
    int target = 5;

    @Param(description = "seed of the evaluation draws and random lesions; -1 derives it from the run's seed", min = -1)
    long seed = -1;

    @Param(description = "neurons a cluster lesion may silence: all (inputs, hidden, pixels) or hidden only", allowed = {"all", "hidden"})
    String scope = "all";

    @Param(description = "repeats of the lesion analysis with independent lesion seeds (ranges are reported)", min = 1, max = 100)
    int seeds = 1;

    /** Refuses a target class the data set does not have, before the run is on record. */
    @Override
    public void preflight(Map<String, String> facts) {
        TargetClass.preflight(name(), target, facts);
    }

    @Override
    public LesionDesign design(long runSeed) {
        return new LesionDesign(draws, randomLesions, testedClusters, significance, target,
                seed >= 0 ? seed : runSeed ^ 0x1E510L, seeds, scope.equals("hidden"));
    }
}

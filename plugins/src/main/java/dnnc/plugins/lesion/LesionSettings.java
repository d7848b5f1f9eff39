package dnnc.plugins.lesion;

import dnnc.api.LesionDesign;
import dnnc.api.Param;
import dnnc.api.Preflight;
import dnnc.plugins.support.TargetClass;

import java.util.Map;

/** The lesion study on the study's decoder: the draws of its latents per alpha and the class it is asked to draw. */
public abstract class LesionSettings extends LesionTestSettings implements Preflight {
    @Param(description = "draws of the other latents per alpha in every lesion evaluation", min = 2, max = 100000)
    int draws = 100;

    @Param(description = "class the decoder is asked to draw", min = 0)
    int target = 5;

    /** Refuses a target class the data set does not have, before the run is on record. */
    @Override
    public void preflight(Map<String, String> facts) {
        TargetClass.preflight(name(), target, facts);
    }

    @Override
    public LesionDesign design(long runSeed) {
        return design(draws, target, runSeed);
    }
}

package dnnc.plugins.lesion;

import dnnc.api.InvalidInputException;
import dnnc.api.LesionDesign;
import dnnc.api.Param;
import dnnc.api.Preflight;

import java.util.Map;

/**
 * The lesion study on a network brought as a file: every lesion is evaluated on the same {@code draws} rows of its
 * data set (drawn once from the lesion seed), as they are. Hidden units only by default: a lesion of input features
 * blanks part of the data, not of the network.
 */
public abstract class NetworkLesionSettings extends LesionTestSettings implements Preflight {
    @Param(description = "rows of the data set every lesion is evaluated on (all rows when it has fewer)", min = 2, max = 1_000_000)
    int draws = 500;

    protected NetworkLesionSettings() {
        scope = "hidden";
    }

    @Override
    public LesionDesign design(long runSeed) {
        return design(draws, 0, runSeed);
    }

    /** Refuses a criterion that needs labels on a data step that has none, before the run is on record. */
    @Override
    public void preflight(Map<String, String> facts) {
        if (needsLabels() && "false".equals(facts.get(Preflight.DATA_LABELLED))) {
            throw new InvalidInputException("lesion criterion '" + name() + "' needs labelled rows; give the data step labels=y.npy, "
                    + "or use criterion agreement (no labels needed)");
        }
    }
}

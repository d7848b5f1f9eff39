package dnnc.plugins.attribution;

import dnnc.api.InputSchema;
import dnnc.api.InvalidInputException;
import dnnc.api.Param;
import dnnc.api.Preflight;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The study's step parameters for ACE methods, declared once: which inputs, which alpha grid, which latent's
 * per-draw features are kept for clustering, and how the Monte Carlo draws are run.
 */
public abstract class AceAttribution extends DecoderAttribution {
    @Param(description = "inputs to attribute: all, or a comma-separated list of indices or labels (z_1, c_5)")
    private String inputs = "all";

    @Param(description = "intervention values alpha of each latent")
    private double[] alphas = {-3, -2, -1, 0, 1, 2, 3};

    @Param(description = "latent whose per-draw features are kept for clustering; auto = the one with the largest total effect on the outputs",
            allowed = {"auto", "<number>"})
    private String focus = "auto";

    @Param(description = "Monte Carlo draws of the latents not intervened on", min = 2)
    private int draws = 1000;

    @Param(description = "draws per forward chunk (memory per thread grows with it)", min = 1)
    private int chunk = 256;

    @Param(description = "Java threads over chunks; 0 = one per core", min = 0)
    private int threads = 0;

    @Override
    protected double[] alphas() {
        return alphas.clone();
    }

    @Override
    protected int[] inputs(InputSchema schema) {
        if (inputs.equals("all")) {
            return super.inputs(schema);
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (String item : inputs.split(",")) {
            chosen.add(parseInput(item.trim(), schema));
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int parseInput(String item, InputSchema schema) {
        for (int i = 0; i < schema.size(); i++) {
            if (schema.label(i).equals(item) || Integer.toString(i).equals(item)) {
                return i;
            }
        }
        throw new InvalidInputException("parameter 'inputs' names '" + item + "'; expected all, or indices 0.."
                + (schema.size() - 1) + " or labels z_0..z_" + (schema.latents() - 1) + ", c_0..c_" + (schema.classes() - 1));
    }

    /** Also refuses a focus that is not a latent of the model, rather than after the whole ACE has run. */
    @Override
    public void preflight(Map<String, String> facts) {
        super.preflight(facts);
        if (focus.equals("auto")) {
            return;
        }
        double chosen = Double.parseDouble(focus);
        String latents = facts.get(Preflight.MODEL_LATENTS);
        int count = latents == null ? Integer.MAX_VALUE : Integer.parseInt(latents);
        if (chosen != Math.rint(chosen) || chosen < 0 || chosen >= count) {
            throw new InvalidInputException("parameter 'focus' of plugin '" + name() + "' is " + focus + "; expected auto or a latent index "
                    + (latents == null ? ">= 0" : "0.." + (count - 1)));
        }
    }

    /** The latent chosen by the user, or empty for auto. */
    @Override
    public OptionalInt focusLatent() {
        return focus.equals("auto") ? OptionalInt.empty() : OptionalInt.of((int) Double.parseDouble(focus));
    }

    MonteCarloAce monteCarlo(dnnc.api.AttributionRequest request) {
        return new MonteCarloAce(request, draws, chunk, threads(threads));
    }

    int threads() {
        return threads(threads);
    }

    int draws() {
        return draws;
    }
}

package dnnc.plugins.attribution;

import dnnc.api.AttributionRequest;
import dnnc.api.AttributionResult;
import dnnc.api.InvalidInputException;
import dnnc.api.Layer;
import dnnc.api.NeuronAttribution;
import dnnc.api.Param;
import dnnc.api.Progress;

import java.util.List;
import java.util.Map;

/**
 * Attributions of one chosen neuron to every input, averaged over draws of the latents (class = target):
 * each draw gets a per-input attribution vector, and the result is their mean with its standard error.
 */
public abstract class GradientAttribution extends DecoderAttribution {
    @Param(description = "layer of the attributed neuron (0 = inputs); -1 = the output layer", min = -1)
    private int layer = -1;

    @Param(description = "neuron within the layer; -1 = the middle neuron (the centre pixel of a square image)", min = -1)
    private int neuron = -1;

    @Param(description = "draws of the latents the attribution is averaged over", min = 2)
    private int draws = 1000;

    @Param(description = "draws per gradient batch", min = 1)
    private int chunk = 256;

    /** Per-draw attributions of draws [from, to): rows x inputs. */
    protected abstract double[] attributeDraws(AttributionRequest request, DecoderDraws draws, int from, int to,
                                               int layer, int neuron);

    /** Method-specific checks of the averaged attribution (e.g. completeness), for the diagnostics. */
    protected Map<String, Object> diagnose(AttributionRequest request, DecoderDraws draws, int layer, int neuron,
                                           double[] perInput) {
        return Map.of();
    }

    @Override
    public AttributionResult attribute(AttributionRequest request, Progress progress) {
        MonteCarloAce.validate(request);
        List<Layer> layers = request.network().layers();
        int l = layer == -1 ? layers.size() - 1 : layer;
        if (l >= layers.size()) {
            throw new InvalidInputException("parameter 'layer' is " + layer + "; the network has layers 0.." + (layers.size() - 1));
        }
        int n = neuron == -1 ? middle(layers.get(l).size()) : neuron;
        if (n >= layers.get(l).size()) {
            throw new InvalidInputException("parameter 'neuron' is " + neuron + "; layer " + l + " has neurons 0.." + (layers.get(l).size() - 1));
        }
        DecoderDraws sample = new DecoderDraws(request.schema(), draws, request.seed());
        int width = request.schema().size();
        RunningMoments moments = new RunningMoments(width);
        for (int from = 0; from < draws; from += chunk) {
            int to = Math.min(draws, from + chunk);
            moments.merge(RunningMoments.ofBlock(attributeDraws(request, sample, from, to, l, n), to - from, width));
            progress.advance(to - from);
        }
        double[] perInput = moments.mean();
        return new AttributionResult(name(), request.network().layout(), List.of(),
                new NeuronAttribution(l, n, perInput, moments.standardError()), diagnose(request, sample, l, n, perInput));
    }

    /** The middle neuron; for a square image of odd or even side, the pixel at (side/2, side/2). */
    private static int middle(int size) {
        int side = (int) Math.round(Math.sqrt(size));
        return side * side == size ? (side / 2) * side + side / 2 : size / 2;
    }

    @Override
    public long workUnits(AttributionRequest request) {
        return draws;
    }

    /** The decoder inputs of draws [from, to) with the target class. */
    static float[] inputs(AttributionRequest request, DecoderDraws draws, int from, int to) {
        float[] rows = new float[(to - from) * request.schema().size()];
        draws.fill(rows, 0, from, to, -1, 0, request.targetClass());
        return rows;
    }
}

package dnnc.plugins.attribution;

import dnnc.api.AttributionRequest;
import dnnc.api.Lesion;
import dnnc.api.NetworkProbe;
import dnnc.api.Param;
import dnnc.api.PluginInfo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Integrated gradients (Sundararajan et al. 2017) from the all-zero input: IG_j(x) = x_j * integral over t in
 * [0, 1] of dy/dx_j (t x), by the midpoint rule. Completeness, sum_j IG_j(x) = y(x) - y(0), is checked on the
 * averaged attribution and reported in the diagnostics.
 */
@PluginInfo(name = "integrated-gradients",
        description = "Integrated gradients of one neuron from the zero input (midpoint rule), averaged over draws of the latents, with standard errors")
public final class IntegratedGradientsPlugin extends GradientAttribution {
    @Param(description = "midpoint-rule steps along the path from the zero input", min = 1)
    private int steps = 64;

    @Override
    protected double[] attributeDraws(AttributionRequest request, DecoderDraws draws, int from, int to, int layer, int neuron) {
        int width = request.schema().size();
        int rows = to - from;
        float[] x = inputs(request, draws, from, to);
        float[] path = new float[Math.multiplyExact(rows * steps, width)];
        for (int t = 0; t < steps; t++) {
            float scale = (float) ((t + 0.5) / steps);
            for (int c = 0; c < x.length; c++) {
                path[t * x.length + c] = scale * x[c];
            }
        }
        float[] gradient = NativeScope.run(() -> request.network().inputGradient(path, rows * steps, layer, neuron, Lesion.none()));
        double[] ig = new double[x.length];
        for (int t = 0; t < steps; t++) {
            for (int c = 0; c < x.length; c++) {
                ig[c] += gradient[t * x.length + c];
            }
        }
        for (int c = 0; c < x.length; c++) {
            ig[c] *= x[c] / (double) steps;
        }
        return ig;
    }

    @Override
    protected Map<String, Object> diagnose(AttributionRequest request, DecoderDraws draws, int layer, int neuron, double[] perInput) {
        NetworkProbe network = request.network();
        int width = request.schema().size();
        float[] x = inputs(request, draws, 0, draws.count());
        float[] atInputs = network.forward(x, draws.count(), Lesion.none()).layer(layer);
        float atZero = network.forward(new float[width], 1, Lesion.none()).layer(layer)[neuron];
        int size = network.layers().get(layer).size();
        double gain = 0;
        for (int s = 0; s < draws.count(); s++) {
            gain += (atInputs[s * size + neuron] - atZero) / draws.count();
        }
        double sum = java.util.Arrays.stream(perInput).sum();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mean_output_gain", gain);
        d.put("sum_of_attributions", sum);
        d.put("completeness_relative_gap", Math.abs(sum - gain) / Math.max(Math.abs(gain), 1e-12));
        return d;
    }
}

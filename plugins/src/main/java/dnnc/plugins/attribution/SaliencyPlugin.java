package dnnc.plugins.attribution;

import dnnc.api.AttributionRequest;
import dnnc.api.Lesion;
import dnnc.api.PluginInfo;

@PluginInfo(name = "saliency", description = "Input gradient of one neuron, averaged over draws of the latents, with standard errors")
public final class SaliencyPlugin extends GradientAttribution {
    @Override
    protected double[] attributeDraws(AttributionRequest request, DecoderDraws draws, int from, int to, int layer, int neuron) {
        float[] x = inputs(request, draws, from, to);
        float[] gradient = NativeScope.run(() -> request.network().inputGradient(x, to - from, layer, neuron, Lesion.none()));
        double[] values = new double[gradient.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = gradient[i];
        }
        return values;
    }
}

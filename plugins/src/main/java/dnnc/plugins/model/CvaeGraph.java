package dnnc.plugins.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * SameDiff graphs of the conditional beta-VAE (METHODS.md section 1). The decoder alone is a separate graph built by the
 * same code with the same variable names, because SameDiff M2.1 silently ignores values fed for intermediate
 * variables (the graph recomputes them from its inputs): weights are copied in by name.
 */
public final class CvaeGraph {
    public static final String X = "x";
    public static final String C = "c";
    public static final String EPS = "eps";
    public static final String ZC = "zc";
    public static final String LOSS = "loss";
    public static final String RECONSTRUCTION = "reconstruction";
    public static final String KL = "kl";
    /** Per image: summed BCE over pixels, and KL summed over latents. */
    public static final String BCE_PER_IMAGE = "bce_per_image";
    public static final String MU = "mu";
    public static final String LOGVAR = "logvar";
    public static final String PIXELS = "pixels";

    private CvaeGraph() {
    }

    /** The whole model with its loss: mean over the batch of summed BCE + beta * KL. Placeholders x, c, eps. */
    public static SameDiff training(CvaeShape shape, Map<String, INDArray> weights, double beta) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, shape.pixels());
        SDVariable c = sd.placeHolder(C, DataType.FLOAT, -1, shape.classes());
        SDVariable eps = sd.placeHolder(EPS, DataType.FLOAT, -1, shape.latents());
        SDVariable h = sd.concat(1, x, c);
        for (String layer : shape.encoderLayerNames()) {
            h = sd.nn.relu(layer, dense(sd, h, layer, weights), 0);
        }
        SDVariable mu = sd.identity(MU, dense(sd, h, MU, weights));
        SDVariable logvar = sd.identity(LOGVAR, dense(sd, h, LOGVAR, weights));
        SDVariable z = mu.add(sd.math.exp(logvar.mul(0.5)).mul(eps));
        SDVariable logits = decoderLogits(sd, sd.concat(1, z, c), shape, weights);
        // BCE with logits, stable for large |logit|: max(l, 0) - x l + log(1 + exp(-|l|))
        SDVariable bce = sd.nn.relu(logits, 0).sub(x.mul(logits)).add(sd.math.log1p(sd.math.exp(sd.math.abs(logits).neg())));
        SDVariable bcePerImage = sd.sum(BCE_PER_IMAGE, bce, 1);
        SDVariable klPerImage = sd.sum(logvar.add(1).sub(mu.mul(mu)).sub(sd.math.exp(logvar)), 1).mul(-0.5);
        SDVariable reconstruction = sd.mean(RECONSTRUCTION, bcePerImage);
        SDVariable kl = sd.mean(KL, klPerImage);
        reconstruction.add(LOSS, kl.mul(beta));
        sd.setLossVariables(LOSS);
        return sd;
    }

    /** The decoder alone: placeholder zc = concat(z, c), outputs named as the probe's layers, "output" = sigmoid. */
    public static SameDiff decoder(CvaeShape shape, Map<String, INDArray> weights) {
        SameDiff sd = SameDiff.create();
        SDVariable zc = sd.placeHolder(ZC, DataType.FLOAT, -1, shape.latents() + shape.classes());
        decoderLogits(sd, zc, shape, weights);
        return sd;
    }

    private static SDVariable decoderLogits(SameDiff sd, SDVariable input, CvaeShape shape, Map<String, INDArray> weights) {
        List<String> names = shape.decoderLayerNames();
        SDVariable h = input;
        for (int l = 1; l < names.size() - 1; l++) {
            h = sd.nn.relu(names.get(l), dense(sd, h, names.get(l), weights), 0);
        }
        String out = names.get(names.size() - 1);
        SDVariable logits = dense(sd, h, out, weights);
        sd.nn.sigmoid(out, logits);
        return logits;
    }

    private static SDVariable dense(SameDiff sd, SDVariable in, String layer, Map<String, INDArray> weights) {
        SDVariable w = sd.var(layer + "_w", weights.get(layer + "_w").dup());
        SDVariable b = sd.var(layer + "_b", weights.get(layer + "_b").dup());
        return sd.nn.linear(in, w, b);
    }
}

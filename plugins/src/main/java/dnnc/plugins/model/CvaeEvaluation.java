package dnnc.plugins.model;

import dnnc.api.ImageSet;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * Held-out numbers of a trained cVAE, deterministic so a model loaded from the cache reports what it reported
 * when trained: reconstructions decode the posterior mean (eps = 0).
 */
record CvaeEvaluation(double[] klPerLatent, double testBce) {
    private static final int CHUNK = 1000;

    static CvaeEvaluation of(CvaeShape shape, Map<String, INDArray> weights, ImageSet heldOut) {
        SameDiff sd = CvaeGraph.training(shape, weights, 0);
        double[] kl = new double[shape.latents()];
        double bce = 0;
        int[] order = Batches.identity(heldOut.count());
        for (int from = 0; from < heldOut.count(); from += CHUNK) {
            int size = Math.min(CHUNK, heldOut.count() - from);
            Map<String, INDArray> out = sd.output(Map.of(
                    CvaeGraph.X, Batches.pixels(heldOut, order, from, size),
                    CvaeGraph.C, Batches.oneHot(heldOut, order, from, size, shape.classes()),
                    CvaeGraph.EPS, Nd4j.zeros(DataType.FLOAT, size, shape.latents())),
                    CvaeGraph.MU, CvaeGraph.LOGVAR, CvaeGraph.BCE_PER_IMAGE);
            float[] mu = out.get(CvaeGraph.MU).data().asFloat();
            float[] logvar = out.get(CvaeGraph.LOGVAR).data().asFloat();
            for (int i = 0; i < mu.length; i++) {
                double m = mu[i];
                double lv = logvar[i];
                kl[i % shape.latents()] += 0.5 * (m * m + Math.exp(lv) - 1 - lv);
            }
            bce += out.get(CvaeGraph.BCE_PER_IMAGE).sumNumber().doubleValue();
        }
        for (int j = 0; j < kl.length; j++) {
            kl[j] /= heldOut.count();
        }
        return new CvaeEvaluation(kl, bce / heldOut.count());
    }
}

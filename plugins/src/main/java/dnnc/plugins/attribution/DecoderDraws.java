package dnnc.plugins.attribution;

import dnnc.api.InputSchema;
import dnnc.api.InvalidInputException;
import org.apache.commons.math3.random.Well19937c;

/**
 * The common random numbers of an attribution: N standard-normal latent vectors drawn once from the seed, and
 * the decoder input rows built from them. Every alpha, input and baseline term reuses the same draws, so their
 * differences carry no sampling noise of their own (METHODS.md section 2).
 */
final class DecoderDraws {
    private final InputSchema schema;
    private final int count;
    private final double[] noise;   // count x latents, row-major

    DecoderDraws(InputSchema schema, int count, long seed) {
        this.schema = schema;
        this.count = count;
        this.noise = new double[Math.multiplyExact(count, schema.latents())];
        Well19937c random = new Well19937c(seed);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
        }
    }

    int count() {
        return count;
    }

    InputSchema schema() {
        return schema;
    }

    /**
     * Decoder inputs for draws [from, to): the drawn latents, latent {@code latent} set to {@code alpha} (none if
     * negative), and the one-hot class {@code classIndex}. Written into {@code rows} starting at row {@code firstRow}.
     */
    void fill(float[] rows, int firstRow, int from, int to, int latent, double alpha, int classIndex) {
        int width = schema.size();
        int latents = schema.latents();
        for (int s = from; s < to; s++) {
            int base = (firstRow + s - from) * width;
            for (int j = 0; j < latents; j++) {
                rows[base + j] = (float) noise[s * latents + j];
            }
            if (latent >= 0) {
                rows[base + latent] = (float) alpha;
            }
            for (int k = 0; k < schema.classes(); k++) {
                rows[base + latents + k] = 0f;
            }
            rows[base + latents + classIndex] = 1f;
        }
    }

    /**
     * The class frequencies with class {@code k} removed and renormalised: the distribution of the class in the
     * baseline of do(c_k = 1).
     */
    static double[] frequenciesWithout(InputSchema schema, int k) {
        double[] p = schema.classFrequencies().clone();
        double rest = 0;
        for (int j = 0; j < p.length; j++) {
            if (j != k) {
                rest += p[j];
            }
        }
        if (!(rest > 0)) {
            throw new InvalidInputException("class frequencies give no class other than " + k
                    + " a positive share; the baseline of do(c_" + k + " = 1) is undefined");
        }
        for (int j = 0; j < p.length; j++) {
            p[j] = j == k ? 0 : p[j] / rest;
        }
        return p;
    }
}

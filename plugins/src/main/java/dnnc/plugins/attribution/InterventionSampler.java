package dnnc.plugins.attribution;

import dnnc.api.AttributionRequest;
import dnnc.api.InputSchema;
import dnnc.api.Lesion;
import dnnc.api.NetworkProbe;
import dnnc.api.NeuronLayout;

import java.util.stream.IntStream;

/**
 * Runs the interventions of METHODS.md section 3 on a block of the common draws through the probe.
 * <ul>
 *   <li>Latent z_i: one forward per alpha with z_i = alpha and the target class; the draw's baseline is its
 *       mean over the alpha grid.</li>
 *   <li>Class c_k: one forward per class with the draw's latents; the treatment is class k, the baseline is the
 *       exact expectation over the class drawn from the frequencies without k (renormalised). Taking that
 *       expectation instead of sampling one class per draw has the same mean and strictly less variance, and it
 *       makes the estimator exact on networks linear in the class.</li>
 * </ul>
 */
final class InterventionSampler {
    private final NetworkProbe network;
    private final InputSchema schema;
    private final NeuronLayout layout;
    private final DecoderDraws draws;
    private final double[] alphas;
    private final int targetClass;

    InterventionSampler(AttributionRequest request, DecoderDraws draws) {
        this.network = request.network();
        this.schema = request.schema();
        this.layout = network.layout();
        this.draws = draws;
        this.alphas = request.alphas().clone();
        this.targetClass = request.targetClass();
    }

    NeuronLayout layout() {
        return layout;
    }

    /** Activations of all classes for draws [from, to): classes x rows x neurons, in {@code buffers}' class rows. */
    float[] classActivations(int from, int to, ChunkBuffers buffers) {
        int rows = to - from;
        float[] inputs = new float[Math.multiplyExact(schema.classes() * rows, schema.size())];
        for (int k = 0; k < schema.classes(); k++) {
            draws.fill(inputs, k * rows, from, to, -1, 0, k);
        }
        float[] activations = buffers.classRows(Math.multiplyExact(schema.classes() * rows, layout.total()));
        network.forwardNeuronRows(inputs, schema.classes() * rows, activations);
        return activations;
    }

    /** The block lives in {@code buffers} until their next use. */
    InterventionBlock latentBlock(int latent, int from, int to, ChunkBuffers buffers) {
        int rows = to - from;
        int total = layout.total();
        float[] inputs = new float[Math.multiplyExact(alphas.length * rows, schema.size())];
        for (int a = 0; a < alphas.length; a++) {
            draws.fill(inputs, a * rows, from, to, latent, alphas[a], targetClass);
        }
        float[] all = buffers.latentRows(Math.multiplyExact(alphas.length * rows, total));
        network.forwardNeuronRows(inputs, alphas.length * rows, all);
        int cells = rows * total;
        int[] slices = IntStream.range(0, alphas.length).map(a -> a * cells).toArray();
        return new InterventionBlock(rows, alphas.length, all, 0, cells, DrawBaseline.meanOf(slices), buffers);
    }

    /** {@code classActivations} as returned by {@link #classActivations} for the same draws and buffers. */
    InterventionBlock classBlock(int input, float[] classActivations, int rows, ChunkBuffers buffers) {
        int k = input - schema.latents();
        int cells = rows * layout.total();
        double[] p = DecoderDraws.frequenciesWithout(schema, k);
        int[] slices = IntStream.range(0, p.length).map(j -> j * cells).toArray();
        return new InterventionBlock(rows, 1, classActivations, k * cells, cells, DrawBaseline.expectation(slices, p), buffers);
    }
}

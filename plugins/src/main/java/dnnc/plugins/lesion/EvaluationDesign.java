package dnnc.plugins.lesion;

import dnnc.api.InputSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The decoder inputs every lesion is evaluated on: for each alpha of the grid, {@code draws} rows with
 * do(z_latent = alpha), the other latents N(0, 1) and c = one-hot of the target class. Rows are alpha-major
 * (row = alphaIndex * draws + draw). The same noise is used for every alpha (common random numbers), and every
 * lesion of a run sees the same rows, so cluster lesions and their random controls are compared pairwise.
 */
public record EvaluationDesign(double[] alphas, int draws, int latent, int target, int inputSize, float[] inputs, int[] labels) {

    public static EvaluationDesign of(InputSchema schema, int latent, double[] alphas, int draws, int target, long seed) {
        if (!schema.isLatent(latent)) {
            throw new IllegalArgumentException("input " + latent + " is not a latent of " + schema);
        }
        if (target < 0 || target >= schema.classes()) {
            throw new IllegalArgumentException("target class " + target + " of " + schema.classes());
        }
        int width = schema.size();
        float[] noise = new float[draws * schema.latents()];
        Random random = new Random(seed);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        float[] inputs = new float[alphas.length * draws * width];
        for (int a = 0; a < alphas.length; a++) {
            for (int d = 0; d < draws; d++) {
                int row = (a * draws + d) * width;
                System.arraycopy(noise, d * schema.latents(), inputs, row, schema.latents());
                inputs[row + latent] = (float) alphas[a];
                inputs[row + schema.latents() + target] = 1f;
            }
        }
        return new EvaluationDesign(alphas.clone(), draws, latent, target, width, inputs, null);
    }

    /**
     * A network's data rows as they are (no alpha grid, one block): {@code draws} rows drawn without replacement from
     * the {@code count} rows given (all of them, in order, when there are no more), with their labels.
     */
    public static EvaluationDesign ofRows(float[] rows, int[] labels, int count, int inputSize, int draws, long seed) {
        int[] chosen;
        if (draws >= count) {
            chosen = IntStream.range(0, count).toArray();
        } else {
            List<Integer> order = new ArrayList<>(IntStream.range(0, count).boxed().toList());
            Collections.shuffle(order, new Random(seed));
            chosen = order.subList(0, draws).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        float[] inputs = new float[chosen.length * inputSize];
        int[] chosenLabels = new int[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            System.arraycopy(rows, chosen[i] * inputSize, inputs, i * inputSize, inputSize);
            chosenLabels[i] = labels[chosen[i]];
        }
        return new EvaluationDesign(new double[0], chosen.length, -1, -1, inputSize, inputs, chosenLabels);
    }

    /** Rows of every evaluation: draws per alpha, or the data rows when there is no alpha grid. */
    public int rows() {
        return Math.max(1, alphas.length) * draws;
    }

    public int row(int alphaIndex, int draw) {
        return alphaIndex * draws + draw;
    }
}

package dnnc.plugins.model;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.Random;

/** Random judge weights and digit-like images (exact zeros among values in [0, 1)) for the judge's tests. */
final class JudgeFixtures {
    private JudgeFixtures() {
    }

    /** The graph's weights, every one Gaussian with standard deviation 0.3. */
    static Map<String, INDArray> weights(JudgeGraph graph, Random random) {
        Map<String, INDArray> weights = graph.initialWeights(random);
        weights.replaceAll((name, a) -> Batches.gaussian(random, 1, (int) a.length()).reshape(a.shape()).muli(0.3));
        return weights;
    }

    /** {@code images} flat row-major images, 30 % of their pixels exactly 0, as in digits. */
    static float[] images(JudgeGraph graph, int images, Random random) {
        float[] x = new float[images * graph.rows() * graph.cols()];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() < 0.3 ? 0f : random.nextFloat();
        }
        return x;
    }
}

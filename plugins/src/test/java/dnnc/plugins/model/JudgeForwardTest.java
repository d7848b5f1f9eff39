package dnnc.plugins.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SIMD judge against the SameDiff graph it replaces for inference, on shapes with and without lane tails. */
class JudgeForwardTest {
    @ParameterizedTest
    @CsvSource({
            "11, 10, 3, 2, 3, 4, 5, 37",      // every filter count below one vector; odd map sides
            "28, 28, 5, 16, 32, 128, 10, 50", // the judge the study trains
            "20, 23, 3, 17, 33, 40, 7, 19"    // filter counts one past a vector length
    })
    void logitsAndClassesEqualTheGraphs(int rows, int cols, int kernel, int filters1, int filters2, int dense, int classes, int images) {
        JudgeGraph graph = new JudgeGraph(rows, cols, kernel, filters1, filters2, dense, classes);
        Random random = new Random(rows * 31L + filters1);
        Map<String, INDArray> weights = JudgeFixtures.weights(graph, random);
        float[] x = JudgeFixtures.images(graph, images, random);
        INDArray expected = graph.build(weights).output(Map.of(JudgeGraph.X, Nd4j.create(x, new long[] {images, (long) rows * cols}, 'c')),
                JudgeGraph.LOGITS).get(JudgeGraph.LOGITS);
        JudgeForward forward = new JudgeForward(graph, weights);
        float[] logits = forward.logits(x, images);
        float[] want = expected.dup('c').data().asFloat();
        float scale = 0;
        for (float v : want) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertArrayEquals(want, logits, 1e-5f * Math.max(1f, scale));
        int[] classesSeen = forward.classify(x, images);
        INDArray argMax = expected.argMax(1);
        for (int i = 0; i < images; i++) {
            assertEquals(argMax.getInt(i), classesSeen[i], "image " + i);
        }
    }
}

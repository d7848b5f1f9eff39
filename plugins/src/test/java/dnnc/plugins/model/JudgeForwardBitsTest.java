package dnnc.plugins.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SIMD judge bit for bit against its scalar definition: every output is its bias plus one fused multiply-add
 * per input in the weight rows' order (kernel row, kernel column, channel; zeros of the dense layers' inputs
 * skipped), ReLU and 2 x 2 max pooling as in the graph. However the SIMD code blocks and vectorises, it must keep
 * each sum's order: the study's judgements (argmax of the logits) must not move between builds.
 */
class JudgeForwardBitsTest {
    @ParameterizedTest
    @CsvSource({
            "11, 10, 3, 2, 3, 4, 5, 7",
            "28, 28, 5, 16, 32, 128, 10, 20", // the judge the study trains
            "20, 23, 3, 17, 33, 40, 7, 9",
            "13, 29, 4, 8, 48, 130, 3, 5"
    })
    void logitsEqualTheScalarDefinitionBitForBit(int rows, int cols, int kernel, int filters1, int filters2, int dense,
                                                 int classes, int images) {
        JudgeGraph graph = new JudgeGraph(rows, cols, kernel, filters1, filters2, dense, classes);
        Random random = new Random(rows * 131L + filters2);
        Map<String, INDArray> weights = JudgeFixtures.weights(graph, random);
        float[] x = JudgeFixtures.images(graph, images, random);
        float[] logits = new JudgeForward(graph, weights).logits(x, images);
        for (int image = 0; image < images; image++) {
            float[] want = scalarLogits(graph, weights, x, image * rows * cols);
            for (int c = 0; c < classes; c++) {
                assertEquals(Float.floatToRawIntBits(want[c]), Float.floatToRawIntBits(logits[image * classes + c]),
                        "image " + image + " class " + c + ": " + want[c] + " vs " + logits[image * classes + c]);
            }
        }
    }

    private static float[] scalarLogits(JudgeGraph g, Map<String, INDArray> weights, float[] x, int offset) {
        int k = g.kernel();
        float[] image = java.util.Arrays.copyOfRange(x, offset, offset + g.rows() * g.cols());
        float[] map1 = convolve(image, g.rows(), g.cols(), 1, k, weights.get("conv1_w"), weights.get("conv1_b"));
        int rows1 = g.rows() - k + 1;
        int cols1 = g.cols() - k + 1;
        float[] pooled1 = reluPool(map1, rows1, cols1, g.filters1());
        float[] map2 = convolve(pooled1, rows1 / 2, cols1 / 2, g.filters1(), k, weights.get("conv2_w"), weights.get("conv2_b"));
        int rows2 = rows1 / 2 - k + 1;
        int cols2 = cols1 / 2 - k + 1;
        float[] pooled2 = reluPool(map2, rows2, cols2, g.filters2());
        float[] hidden = affine(pooled2, weights.get("dense_w"), weights.get("dense_b"));
        for (int j = 0; j < hidden.length; j++) {
            hidden[j] = Math.max(hidden[j], 0f);
        }
        return affine(hidden, weights.get("out_w"), weights.get("out_b"));
    }

    /** NHWC valid cross-correlation; weight row (dy * k + dx) * channels + channel, as the graph's weights are laid out. */
    private static float[] convolve(float[] in, int rows, int cols, int channels, int k, INDArray w, INDArray b) {
        int filters = (int) w.size(1);
        float[] weight = w.dup('c').data().asFloat();
        float[] bias = b.data().asFloat();
        int outRows = rows - k + 1;
        int outCols = cols - k + 1;
        float[] out = new float[outRows * outCols * filters];
        for (int y = 0; y < outRows; y++) {
            for (int xx = 0; xx < outCols; xx++) {
                for (int f = 0; f < filters; f++) {
                    float sum = bias[f];
                    for (int dy = 0; dy < k; dy++) {
                        for (int dx = 0; dx < k; dx++) {
                            for (int c = 0; c < channels; c++) {
                                int t = (dy * k + dx) * channels + c;
                                sum = Math.fma(weight[t * filters + f], in[((y + dy) * cols + xx + dx) * channels + c], sum);
                            }
                        }
                    }
                    out[(y * outCols + xx) * filters + f] = sum;
                }
            }
        }
        return out;
    }

    private static float[] reluPool(float[] map, int rows, int cols, int channels) {
        float[] pooled = new float[(rows / 2) * (cols / 2) * channels];
        for (int py = 0; py < rows / 2; py++) {
            for (int px = 0; px < cols / 2; px++) {
                for (int c = 0; c < channels; c++) {
                    float m = 0f;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            m = Math.max(m, map[((2 * py + dy) * cols + 2 * px + dx) * channels + c]);
                        }
                    }
                    pooled[(py * (cols / 2) + px) * channels + c] = m;
                }
            }
        }
        return pooled;
    }

    private static float[] affine(float[] in, INDArray w, INDArray b) {
        int outputs = (int) w.size(1);
        float[] weight = w.dup('c').data().asFloat();
        float[] out = b.data().asFloat().clone();
        for (int i = 0; i < in.length; i++) {
            if (in[i] == 0f) {
                continue;
            }
            for (int j = 0; j < outputs; j++) {
                out[j] = Math.fma(weight[i * outputs + j], in[i], out[j]);
            }
        }
        return out;
    }
}

package dnnc.plugins.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The im2col graph against convolutions written out as loops, on an 11 x 10 image with 3 x 3 kernels. */
class JudgeGraphTest {
    private static final int ROWS = 11;
    private static final int COLS = 10;
    private static final JudgeGraph GRAPH = new JudgeGraph(ROWS, COLS, 3, 2, 3, 4, 5);

    @Test
    void logitsEqualDirectConvolutionPoolingAndDenseLayers() {
        Random random = new Random(7);
        Map<String, INDArray> w = GRAPH.initialWeights(random);
        w.replaceAll((name, a) -> Batches.gaussian(random, 1, (int) a.length()).reshape(a.shape()));
        int images = 3;
        float[] x = new float[images * ROWS * COLS];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        INDArray logits = GRAPH.build(w).output(Map.of(JudgeGraph.X, Nd4j.create(x, new long[] {images, ROWS * COLS}, 'c')),
                JudgeGraph.LOGITS).get(JudgeGraph.LOGITS);
        for (int i = 0; i < images; i++) {
            float[][][] h = new float[ROWS][COLS][1];
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < COLS; c++) {
                    h[r][c][0] = x[i * ROWS * COLS + r * COLS + c];
                }
            }
            h = pool(convolve(h, w.get("conv1_w"), w.get("conv1_b")));
            h = pool(convolve(h, w.get("conv2_w"), w.get("conv2_b")));
            float[] flat = new float[h.length * h[0].length * h[0][0].length];
            int at = 0;
            for (float[][] row : h) {
                for (float[] pixel : row) {
                    for (float v : pixel) {
                        flat[at++] = v;
                    }
                }
            }
            float[] expected = dense(relu(dense(flat, w.get("dense_w"), w.get("dense_b"))), w.get("out_w"), w.get("out_b"));
            assertArrayEquals(expected, logits.getRow(i).toFloatVector(), 1e-4f, "image " + i);
        }
    }

    @Test
    void refusesImagesTooSmallForTwoConvolutions() {
        assertThrows(IllegalArgumentException.class, () -> new JudgeGraph(8, 28, 3, 2, 3, 4, 5));
    }

    /** Valid cross-correlation with ReLU; weight row (dy * k + dx) * channels + channel, column filter. */
    private static float[][][] convolve(float[][][] in, INDArray weight, INDArray bias) {
        int k = (int) Math.round(Math.sqrt(weight.size(0) / (double) in[0][0].length));
        int channels = in[0][0].length;
        int filters = (int) weight.size(1);
        float[][][] out = new float[in.length - k + 1][in[0].length - k + 1][filters];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < out[0].length; c++) {
                for (int f = 0; f < filters; f++) {
                    double sum = bias.getDouble(f);
                    for (int dy = 0; dy < k; dy++) {
                        for (int dx = 0; dx < k; dx++) {
                            for (int ch = 0; ch < channels; ch++) {
                                sum += in[r + dy][c + dx][ch] * weight.getDouble((dy * k + dx) * channels + ch, f);
                            }
                        }
                    }
                    out[r][c][f] = (float) Math.max(0, sum);
                }
            }
        }
        return out;
    }

    /** 2 x 2 max pooling with stride 2; an odd last row or column is dropped. */
    private static float[][][] pool(float[][][] in) {
        float[][][] out = new float[in.length / 2][in[0].length / 2][in[0][0].length];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < out[0].length; c++) {
                for (int f = 0; f < out[0][0].length; f++) {
                    out[r][c][f] = Math.max(Math.max(in[2 * r][2 * c][f], in[2 * r][2 * c + 1][f]),
                            Math.max(in[2 * r + 1][2 * c][f], in[2 * r + 1][2 * c + 1][f]));
                }
            }
        }
        return out;
    }

    private static float[] dense(float[] in, INDArray weight, INDArray bias) {
        float[] out = new float[(int) weight.size(1)];
        for (int j = 0; j < out.length; j++) {
            double sum = bias.getDouble(j);
            for (int i = 0; i < in.length; i++) {
                sum += in[i] * weight.getDouble(i, j);
            }
            out[j] = (float) sum;
        }
        return out;
    }

    private static float[] relu(float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.max(0, v[i]);
        }
        return out;
    }
}

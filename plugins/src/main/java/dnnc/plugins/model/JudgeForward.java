package dnnc.plugins.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.stream.IntStream;

/**
 * The judge's inference ({@link JudgeGraph}: conv-ReLU-pool twice, dense-ReLU, dense) written out in SIMD lanes
 * over the filters, images spread over Java threads. Lesion tests classify hundreds of thousands of small
 * reconstructions; through the SameDiff graph that took ~95% of the lesion stage (one native thread, an im2col
 * copy per convolution, one op call per layer on batches of ~100 images). Here each weight vector loaded is used
 * for {@link #BLOCK} neighbouring output positions, and no intermediate leaves the thread's cache. The logits
 * equal the graph's to float rounding (summation order differs), checked by the tests.
 */
final class JudgeForward {
    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;
    /** Output positions of a convolution computed together (register blocking). */
    private static final int BLOCK = 4;
    /** Images per task handed to a thread. */
    private static final int IMAGES_PER_TASK = 16;

    /**
     * A weight matrix row-major with its columns padded to whole vectors (JDK 17's vector API compiles masked
     * loads to slow code, so no lane mask is ever used), rows laid out for an input whose feature groups of
     * {@code groupSize} values sit at a stride of {@code groupStride}; padding weights and biases are 0, so padded
     * outputs are 0 and contribute nothing downstream.
     */
    private record Affine(float[] w, float[] b, int rows, int width) {
        static Affine of(Map<String, INDArray> weights, String layer, int groupSize, int groupStride) {
            INDArray w = weights.get(layer + "_w");
            float[] dense = w.dup('c').data().asFloat();
            int in = (int) w.size(0);
            int out = (int) w.size(1);
            int width = padded(out);
            int rows = in / groupSize * groupStride;
            float[] padded = new float[rows * width];
            for (int i = 0; i < in; i++) {
                int row = i / groupSize * groupStride + i % groupSize;
                System.arraycopy(dense, i * out, padded, row * width, out);
            }
            return new Affine(padded, java.util.Arrays.copyOf(weights.get(layer + "_b").data().asFloat(), width), rows, width);
        }
    }

    private final JudgeGraph graph;
    private final Affine conv1;
    private final Affine conv2;
    private final Affine dense;
    private final Affine out;
    private final int conv1Rows;
    private final int conv1Cols;
    private final int conv2Rows;
    private final int conv2Cols;
    private final ThreadLocal<Scratch> scratch;

    JudgeForward(JudgeGraph graph, Map<String, INDArray> weights) {
        this.graph = graph;
        int k = graph.kernel();
        conv1Rows = graph.rows() - k + 1;
        conv1Cols = graph.cols() - k + 1;
        conv2Rows = conv1Rows / 2 - k + 1;
        conv2Cols = conv1Cols / 2 - k + 1;
        // feature maps keep each position's channels at a padded stride; the dense layer reads them flattened
        this.conv1 = Affine.of(weights, "conv1", 1, 1);
        this.conv2 = Affine.of(weights, "conv2", graph.filters1(), padded(graph.filters1()));
        this.dense = Affine.of(weights, "dense", graph.filters2(), padded(graph.filters2()));
        this.out = Affine.of(weights, "out", graph.dense(), padded(graph.dense()));
        scratch = ThreadLocal.withInitial(Scratch::new);
    }

    private static int padded(int n) {
        return (n + LANES.length() - 1) / LANES.length() * LANES.length();
    }

    /** Per-thread buffers for one image's feature maps and logits. */
    private final class Scratch {
        final float[] map1 = new float[conv1Rows * conv1Cols * conv1.width()];
        final float[] pooled1 = new float[(conv1Rows / 2) * (conv1Cols / 2) * conv1.width()];
        final float[] map2 = new float[conv2Rows * conv2Cols * conv2.width()];
        final float[] pooled2 = new float[(conv2Rows / 2) * (conv2Cols / 2) * conv2.width()];
        final float[] hidden = new float[dense.width()];
        final float[] logits = new float[out.width()];
    }

    /** Logits, count x classes row-major, of {@code count} flat row-major images. */
    float[] logits(float[] images, int count) {
        int pixels = graph.rows() * graph.cols();
        float[] logits = new float[count * graph.classes()];
        int tasks = (count + IMAGES_PER_TASK - 1) / IMAGES_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(task -> {
            Scratch s = scratch.get();
            for (int i = task * IMAGES_PER_TASK; i < Math.min(count, (task + 1) * IMAGES_PER_TASK); i++) {
                forward(images, i * pixels, s, logits, i * graph.classes());
            }
        });
        return logits;
    }

    /** The class of each image: the first largest logit. */
    int[] classify(float[] images, int count) {
        float[] logits = logits(images, count);
        int classes = graph.classes();
        int[] predicted = new int[count];
        for (int i = 0; i < count; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[i * classes + c] > logits[i * classes + best]) {
                    best = c;
                }
            }
            predicted[i] = best;
        }
        return predicted;
    }

    private void forward(float[] images, int offset, Scratch s, float[] logits, int logitsOffset) {
        convolve(images, offset, graph.rows(), graph.cols(), 1, conv1, s.map1);
        reluPool(s.map1, conv1Rows, conv1Cols, conv1.width(), s.pooled1);
        convolve(s.pooled1, 0, conv1Rows / 2, conv1Cols / 2, conv1.width(), conv2, s.map2);
        reluPool(s.map2, conv2Rows, conv2Cols, conv2.width(), s.pooled2);
        affine(s.pooled2, dense, s.hidden, true);
        affine(s.hidden, out, s.logits, false);
        System.arraycopy(s.logits, 0, logits, logitsOffset, graph.classes());
    }

    /**
     * Valid cross-correlation of an NHWC map (no activation); weight row t = (dy * k + dx) * channels + channel
     * reads the input at {@code patchOffsets(...)[t]} from a position's top-left. One flat loop over t: with the
     * accumulators carried through nested dy/dx/channel loops instead, C2 (JDK 17) boxes the vectors, ~40x slower.
     */
    private void convolve(float[] in, int inOffset, int inRows, int inCols, int channels, Affine layer, float[] map) {
        int k = graph.kernel();
        int outRows = inRows - k + 1;
        int outCols = inCols - k + 1;
        int[] patch = patchOffsets(k, inCols, channels);
        for (int y = 0; y < outRows; y++) {
            int x = 0;
            for (; x + BLOCK <= outCols; x += BLOCK) {
                convolveBlock(in, inOffset + (y * inCols + x) * channels, channels, patch, layer, map, (y * outCols + x) * layer.width());
            }
            for (; x < outCols; x++) {
                convolveOne(in, inOffset + (y * inCols + x) * channels, patch, layer, map, (y * outCols + x) * layer.width());
            }
        }
    }

    private static int[] patchOffsets(int k, int inCols, int channels) {
        int[] offsets = new int[k * k * channels];
        for (int dy = 0; dy < k; dy++) {
            for (int dx = 0; dx < k; dx++) {
                for (int c = 0; c < channels; c++) {
                    offsets[(dy * k + dx) * channels + c] = (dy * inCols + dx) * channels + c;
                }
            }
        }
        return offsets;
    }

    /**
     * BLOCK horizontally adjacent output positions ({@code step} input values apart), from {@code in0}: filters in
     * pairs of vectors where possible, so each input value broadcast feeds two multiply-adds.
     */
    private static void convolveBlock(float[] in, int in0, int step, int[] patch, Affine layer, float[] map, int out0) {
        int filters = layer.width();
        int lanes = LANES.length();
        int f = 0;
        for (; f + 2 * lanes <= filters; f += 2 * lanes) {
            convolveBlockTwoVectors(in, in0, step, patch, layer, map, out0, f);
        }
        for (; f < filters; f += lanes) {
            convolveBlockOneVector(in, in0, step, patch, layer, map, out0, f);
        }
    }

    private static void convolveBlockTwoVectors(float[] in, int in0, int step, int[] patch, Affine layer, float[] map, int out0, int f) {
        int filters = layer.width();
        int g = f + LANES.length();
        float[] w = layer.w();
        FloatVector a0 = FloatVector.fromArray(LANES, layer.b(), f);
        FloatVector b0 = FloatVector.fromArray(LANES, layer.b(), g);
        FloatVector a1 = a0;
        FloatVector b1 = b0;
        FloatVector a2 = a0;
        FloatVector b2 = b0;
        FloatVector a3 = a0;
        FloatVector b3 = b0;
        for (int t = 0; t < patch.length; t++) {
            FloatVector wa = FloatVector.fromArray(LANES, w, t * filters + f);
            FloatVector wb = FloatVector.fromArray(LANES, w, t * filters + g);
            int at = in0 + patch[t];
            FloatVector x0 = FloatVector.broadcast(LANES, in[at]);
            FloatVector x1 = FloatVector.broadcast(LANES, in[at + step]);
            FloatVector x2 = FloatVector.broadcast(LANES, in[at + 2 * step]);
            FloatVector x3 = FloatVector.broadcast(LANES, in[at + 3 * step]);
            a0 = wa.fma(x0, a0);
            b0 = wb.fma(x0, b0);
            a1 = wa.fma(x1, a1);
            b1 = wb.fma(x1, b1);
            a2 = wa.fma(x2, a2);
            b2 = wb.fma(x2, b2);
            a3 = wa.fma(x3, a3);
            b3 = wb.fma(x3, b3);
        }
        a0.intoArray(map, out0 + f);
        b0.intoArray(map, out0 + g);
        a1.intoArray(map, out0 + filters + f);
        b1.intoArray(map, out0 + filters + g);
        a2.intoArray(map, out0 + 2 * filters + f);
        b2.intoArray(map, out0 + 2 * filters + g);
        a3.intoArray(map, out0 + 3 * filters + f);
        b3.intoArray(map, out0 + 3 * filters + g);
    }

    private static void convolveBlockOneVector(float[] in, int in0, int step, int[] patch, Affine layer, float[] map, int out0, int f) {
        int filters = layer.width();
        float[] w = layer.w();
        FloatVector a0 = FloatVector.fromArray(LANES, layer.b(), f);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int t = 0; t < patch.length; t++) {
            FloatVector wv = FloatVector.fromArray(LANES, w, t * filters + f);
            int at = in0 + patch[t];
            a0 = wv.fma(FloatVector.broadcast(LANES, in[at]), a0);
            a1 = wv.fma(FloatVector.broadcast(LANES, in[at + step]), a1);
            a2 = wv.fma(FloatVector.broadcast(LANES, in[at + 2 * step]), a2);
            a3 = wv.fma(FloatVector.broadcast(LANES, in[at + 3 * step]), a3);
        }
        a0.intoArray(map, out0 + f);
        a1.intoArray(map, out0 + filters + f);
        a2.intoArray(map, out0 + 2 * filters + f);
        a3.intoArray(map, out0 + 3 * filters + f);
    }

    private static void convolveOne(float[] in, int in0, int[] patch, Affine layer, float[] map, int out0) {
        int filters = layer.width();
        float[] w = layer.w();
        for (int f = 0; f < filters; f += LANES.length()) {
            FloatVector a = FloatVector.fromArray(LANES, layer.b(), f);
            for (int t = 0; t < patch.length; t++) {
                a = FloatVector.fromArray(LANES, w, t * filters + f).fma(FloatVector.broadcast(LANES, in[in0 + patch[t]]), a);
            }
            a.intoArray(map, out0 + f);
        }
    }

    /** ReLU then 2 x 2 max pooling with stride 2 (a trailing odd row or column is dropped, as the graph's pooling does). */
    private static void reluPool(float[] map, int rows, int cols, int channels, float[] pooled) {
        int pooledCols = cols / 2;
        FloatVector zero = FloatVector.zero(LANES);
        for (int py = 0; py < rows / 2; py++) {
            for (int px = 0; px < pooledCols; px++) {
                int topLeft = ((2 * py) * cols + 2 * px) * channels;
                int bottomLeft = topLeft + cols * channels;
                int target = (py * pooledCols + px) * channels;
                for (int c = 0; c < channels; c += LANES.length()) { // channels: a whole number of vectors
                    FloatVector.fromArray(LANES, map, topLeft + c).max(FloatVector.fromArray(LANES, map, topLeft + channels + c))
                            .max(FloatVector.fromArray(LANES, map, bottomLeft + c).max(FloatVector.fromArray(LANES, map, bottomLeft + channels + c)))
                            .max(zero).intoArray(pooled, target + c);
                }
            }
        }
    }

    /** out = in W + b (ReLU when asked), accumulated input by input over lanes of outputs. */
    private static void affine(float[] in, Affine layer, float[] out, boolean relu) {
        int width = layer.width();
        float[] w = layer.w();
        System.arraycopy(layer.b(), 0, out, 0, width);
        for (int i = 0; i < layer.rows(); i++) {
            float x = in[i];
            if (x == 0f) {
                continue; // ReLU leaves many exact zeros; skipping them changes no value of the sum
            }
            FloatVector broadcast = FloatVector.broadcast(LANES, x);
            int row = i * width;
            for (int j = 0; j < width; j += LANES.length()) {
                FloatVector.fromArray(LANES, w, row + j).fma(broadcast, FloatVector.fromArray(LANES, out, j)).intoArray(out, j);
            }
        }
        if (relu) {
            for (int j = 0; j < width; j++) {
                out[j] = Math.max(out[j], 0f);
            }
        }
    }
}

package dnnc.plugins.model;

import dnnc.api.ImageSet;
import dnnc.api.Progress;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The judge's loss ({@link JudgeGraph}: mean softmax cross-entropy over the batch) and its gradient written out by
 * hand: each convolution as im2col and one GEMM as in the graph, 2 x 2 max pooling routing the gradient to the
 * first largest element of its window (as libnd4j's pooling does), ReLU, dense layers. SameDiff trained this net on
 * one native thread at ~690 images/s, an op call and a fresh array for every step of ~2 MFLOP of work per image;
 * here a batch is cut into chunks of {@link #CHUNK_IMAGES} images whose passes run on their own arrays, allocated
 * once, on separate threads, and {@link ChunkedAdam} sums the chunks' gradients in chunk order, so the weights do
 * not depend on the thread count.
 */
final class JudgeBackprop {
    static final int CHUNK_IMAGES = 16;

    private final JudgeGraph graph;
    private final FlatParameters parameters;
    private final List<Workspace> workspaces = new ArrayList<>();
    private final ChunkedAdam adam;
    private final int batchSize;
    /** Sides of the maps: after the first convolution, its pooling, the second convolution and its pooling. */
    private final int rows1;
    private final int cols1;
    private final int pooledRows1;
    private final int pooledCols1;
    private final int rows2;
    private final int cols2;
    private final int pooledRows2;
    private final int pooledCols2;
    private int iteration;

    /** Adam with a rate decaying linearly from {@code learningRate} to 0 over {@code steps}, from {@code initial}. */
    JudgeBackprop(JudgeGraph graph, Map<String, INDArray> initial, int batchSize, double learningRate, int steps, int threads) {
        this.graph = graph;
        this.batchSize = batchSize;
        int k = graph.kernel();
        rows1 = JudgeGraph.convolvedSide(graph.rows(), k);
        cols1 = JudgeGraph.convolvedSide(graph.cols(), k);
        pooledRows1 = rows1 / 2;
        pooledCols1 = cols1 / 2;
        rows2 = JudgeGraph.convolvedSide(pooledRows1, k);
        cols2 = JudgeGraph.convolvedSide(pooledCols1, k);
        pooledRows2 = rows2 / 2;
        pooledCols2 = cols2 / 2;
        parameters = new FlatParameters(graph.shapes());
        parameters.set(initial);
        for (int i = 0; i < (batchSize + CHUNK_IMAGES - 1) / CHUNK_IMAGES; i++) {
            workspaces.add(new Workspace());
        }
        adam = new ChunkedAdam(parameters, workspaces.stream().map(w -> w.gradient).toList(),
                new Adam(new LinearDecay(learningRate, steps)), threads);
    }

    /**
     * Trains as the SameDiff graph is trained in {@link CnnJudge}: initial weights, then each epoch's order, drawn
     * from {@code random}; batches of {@code batchSize} in that order, the last one shorter.
     */
    static Map<String, INDArray> train(JudgeGraph graph, ImageSet train, int epochs, int batchSize, double learningRate,
                                       Random random, Progress progress) {
        int steps = epochs * ((train.count() + batchSize - 1) / batchSize);
        JudgeBackprop model = new JudgeBackprop(graph, graph.initialWeights(random), Math.min(batchSize, train.count()),
                learningRate, steps, ChunkedAdam.CORES);
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = Batches.shuffled(train.count(), random);
            double lossSum = 0;
            for (int from = 0; from < train.count(); from += batchSize) {
                int size = Math.min(batchSize, train.count() - from);
                lossSum += model.step(train, order, from, size) * size;
                progress.advance(size);
            }
            progress.status(String.format(Locale.ROOT, "epoch %d/%d loss %.4f", epoch + 1, epochs, lossSum / train.count()));
        }
        return model.weights();
    }

    /**
     * One Adam step on the images {@code order[from .. from + size)}; returns the batch's mean loss before the step
     * (what the graph's "loss" gives for these weights and images).
     */
    double step(ImageSet images, int[] order, int from, int size) {
        if (size > batchSize) {
            throw new IllegalArgumentException("a batch of " + size + " images in workspaces for " + batchSize);
        }
        int chunks = (size + CHUNK_IMAGES - 1) / CHUNK_IMAGES;
        adam.inParallel(chunks, i -> workspaces.get(i).pass(images, order, from + i * CHUNK_IMAGES,
                Math.min(CHUNK_IMAGES, size - i * CHUNK_IMAGES), size));
        adam.step(chunks, iteration++);
        double lossSum = 0;
        for (int i = 0; i < chunks; i++) {
            lossSum += workspaces.get(i).lossSum;
        }
        return lossSum / size;
    }

    /** The current weights, shaped and named as {@link JudgeGraph#shapes}. */
    Map<String, INDArray> weights() {
        return parameters.get();
    }

    /** The batch gradient of the loss, laid out like the parameters: chunk gradients summed, without a step. */
    INDArray gradient(ImageSet images, int[] order, int from, int size) {
        INDArray sum = parameters.zeros();
        for (int at = from; at < from + size; at += CHUNK_IMAGES) {
            Workspace chunk = workspaces.get(0);
            chunk.pass(images, order, at, Math.min(CHUNK_IMAGES, from + size - at), size);
            sum.addi(chunk.gradient);
        }
        return sum;
    }

    private interface PatchRow {
        void at(int image, int mapAt, int patchAt, int length);
    }

    /**
     * A float matrix of up to {@link #CHUNK_IMAGES} times {@code rowsPerImage} rows, allocated once: ND4J views of
     * its first rows for the GEMMs, and a Java copy for the loops (loops over the native floats through a buffer
     * check every index and took most of a step), moved across in bulk.
     */
    private static final class Block {
        private final DataBuffer buffer;
        private final FloatBuffer nativeFloats;
        private final long width;
        private final int rowsPerImage;
        private final INDArray full;
        final float[] values;

        Block(int rowsPerImage, long width) {
            this.rowsPerImage = rowsPerImage;
            this.width = width;
            this.values = new float[Math.toIntExact(CHUNK_IMAGES * rowsPerImage * width)];
            this.buffer = Nd4j.createBuffer(DataType.FLOAT, values.length, false);
            this.nativeFloats = buffer.asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            this.full = view(CHUNK_IMAGES);
        }

        /** The rows of the first {@code images} images. */
        INDArray of(int images) {
            return images == CHUNK_IMAGES ? full : view(images);
        }

        private INDArray view(int images) {
            return Nd4j.create(buffer, new long[] {(long) images * rowsPerImage, width}, new long[] {width, 1}, 0, 'c');
        }

        /** The ND4J array of the first images, written from {@link #values}. */
        INDArray upload(int images) {
            nativeFloats.put(0, values, 0, length(images));
            return of(images);
        }

        /** {@link #values} of the first images, read from the ND4J array. */
        float[] download(int images) {
            nativeFloats.get(0, values, 0, length(images));
            return values;
        }

        int length(int images) {
            return Math.toIntExact(images * rowsPerImage * width);
        }
    }

    /** One chunk's arrays: activations, their gradients and the chunk's gradient of every weight. */
    final class Workspace {
        final INDArray gradient = parameters.zeros();
        /** Sum over this chunk's images of their cross-entropy, from the last {@link #pass}. */
        double lossSum;

        private final int kernel = graph.kernel();
        private final int filters1 = graph.filters1();
        private final int filters2 = graph.filters2();
        private final int classes = graph.classes();
        private final Map<String, INDArray> weights = new HashMap<>();
        private final Map<String, INDArray> gradients = new HashMap<>();
        private final Block patches1 = new Block(rows1 * cols1, (long) kernel * kernel);
        private final Block map1 = new Block(rows1 * cols1, filters1);
        private final float[] pooled1 = new float[CHUNK_IMAGES * pooledRows1 * pooledCols1 * filters1];
        private final int[] winners1 = new int[pooled1.length];
        private final Block patches2 = new Block(rows2 * cols2, (long) kernel * kernel * filters1);
        private final Block map2 = new Block(rows2 * cols2, filters2);
        private final Block pooled2 = new Block(1, (long) pooledRows2 * pooledCols2 * filters2);
        private final int[] winners2 = new int[pooled2.values.length];
        private final Block hidden = new Block(1, graph.dense());
        private final Block logits = new Block(1, classes);
        private final Block logitsGradient = new Block(1, classes);
        private final Block hiddenGradient = new Block(1, graph.dense());
        private final Block pooled2Gradient = new Block(1, (long) pooledRows2 * pooledCols2 * filters2);
        private final Block map2Gradient = new Block(rows2 * cols2, filters2);
        private final Block patches2Gradient = new Block(rows2 * cols2, (long) kernel * kernel * filters1);
        private final float[] pooled1Gradient = new float[pooled1.length];
        private final Block map1Gradient = new Block(rows1 * cols1, filters1);
        private final DataBuffer ones = Nd4j.ones(DataType.FLOAT, (long) CHUNK_IMAGES * rows1 * cols1).data();

        Workspace() {
            for (String name : graph.shapes().keySet()) {
                weights.put(name, parameters.view(parameters.flat(), name));
                gradients.put(name, parameters.view(gradient, name));
            }
        }

        /**
         * Forward and backward pass of images {@code order[from .. from + count)} of a batch of {@code batchImages}:
         * leaves the gradient of this chunk's share of the batch's mean loss in {@link #gradient}.
         */
        void pass(ImageSet images, int[] order, int from, int count, int batchImages) {
            imageColumns(images, order, from, count);
            convolve(patches1.upload(count), "conv1", map1.of(count));
            pool(map1.download(count), count, rows1, cols1, filters1, pooled1, winners1);
            patchColumns(count);
            convolve(patches2.upload(count), "conv2", map2.of(count));
            pool(map2.download(count), count, rows2, cols2, filters2, pooled2.values, winners2);
            affine(pooled2.upload(count), "dense", hidden.of(count));
            Transforms.relu(hidden.of(count), false);
            affine(hidden.of(count), "out", logits.of(count));
            lossSum = softmaxCrossEntropy(images.labels(), order, from, count, batchImages);

            INDArray g = logitsGradient.upload(count);
            weightGradients(hidden.of(count), g, "out", count);
            Nd4j.gemm(g, weights.get("out_w"), hiddenGradient.of(count), false, true, 1.0, 0.0);
            reluGradient(hiddenGradient.download(count), hidden.download(count), hidden.length(count));
            weightGradients(pooled2.of(count), hiddenGradient.upload(count), "dense", count);
            Nd4j.gemm(hiddenGradient.of(count), weights.get("dense_w"), pooled2Gradient.of(count), false, true, 1.0, 0.0);
            unpool(pooled2Gradient.download(count), winners2, pooled2.length(count), map2.values, map2Gradient.values, map2.length(count));
            weightGradients(patches2.of(count), map2Gradient.upload(count), "conv2", count * rows2 * cols2);
            Nd4j.gemm(map2Gradient.of(count), weights.get("conv2_w"), patches2Gradient.of(count), false, true, 1.0, 0.0);
            patchColumnsGradient(count);
            unpool(pooled1Gradient, winners1, count * pooledRows1 * pooledCols1 * filters1, map1.values, map1Gradient.values,
                    map1.length(count));
            weightGradients(patches1.of(count), map1Gradient.upload(count), "conv1", count * rows1 * cols1);
        }

        /** The first convolution's patches: row (image, y, x), column dy * kernel + dx. */
        private void imageColumns(ImageSet images, int[] order, int from, int count) {
            float[] pixels = images.pixels();
            forEachPatchRow(count, graph.rows(), graph.cols(), 1, (image, mapAt, patchAt, length) ->
                    System.arraycopy(pixels, order[from + image] * images.pixelsPerImage() + mapAt, patches1.values, patchAt, length));
        }

        /** The second convolution's patches of the first pooled map: column (dy * kernel + dx) * filters1 + channel. */
        private void patchColumns(int count) {
            int mapSize = pooledRows1 * pooledCols1 * filters1;
            forEachPatchRow(count, pooledRows1, pooledCols1, filters1, (image, mapAt, patchAt, length) ->
                    System.arraycopy(pooled1, image * mapSize + mapAt, patches2.values, patchAt, length));
        }

        /** The patches' gradient added back onto the pooled map they were cut from (the transpose of {@link #patchColumns}). */
        private void patchColumnsGradient(int count) {
            float[] in = patches2Gradient.download(count);
            java.util.Arrays.fill(pooled1Gradient, 0f);
            int mapSize = pooledRows1 * pooledCols1 * filters1;
            forEachPatchRow(count, pooledRows1, pooledCols1, filters1, (image, mapAt, patchAt, length) -> {
                int target = image * mapSize + mapAt;
                for (int j = 0; j < length; j++) {
                    pooled1Gradient[target + j] += in[patchAt + j];
                }
            });
        }

        /**
         * Visits every row of every patch of a valid convolution over {@code count} NHWC maps, in patch order: a
         * patch row (its kernel's dx and every channel) is one run of its map, at {@code mapAt} in the image's map
         * and {@code patchAt} in the patch matrix (row (image, y, x), column (dy * kernel + dx) * channels + channel).
         */
        private void forEachPatchRow(int count, int rows, int cols, int channels, PatchRow visit) {
            int outRows = JudgeGraph.convolvedSide(rows, kernel);
            int outCols = JudgeGraph.convolvedSide(cols, kernel);
            int width = kernel * channels;
            for (int image = 0; image < count; image++) {
                for (int y = 0; y < outRows; y++) {
                    for (int x = 0; x < outCols; x++) {
                        int patch = ((image * outRows + y) * outCols + x) * kernel * width;
                        for (int dy = 0; dy < kernel; dy++) {
                            visit.at(image, ((y + dy) * cols + x) * channels, patch + dy * width, width);
                        }
                    }
                }
            }
        }

        /** map = ReLU(patches W + b). */
        private void convolve(INDArray patches, String layer, INDArray map) {
            affine(patches, layer, map);
            Transforms.relu(map, false);
        }

        private void affine(INDArray in, String layer, INDArray out) {
            Nd4j.gemm(in, weights.get(layer + "_w"), out, false, false, 1.0, 0.0);
            out.addiRowVector(weights.get(layer + "_b"));
        }

        /**
         * 2 x 2 max pooling with stride 2 of NHWC maps (an odd last row or column is dropped); {@code winners} keeps
         * the map index each pooled value came from: the first largest in row-major window order.
         */
        private void pool(float[] map, int count, int rows, int cols, int channels, float[] pooled, int[] winners) {
            int pooledRows = rows / 2;
            int pooledCols = cols / 2;
            for (int i = 0; i < count; i++) {
                for (int py = 0; py < pooledRows; py++) {
                    for (int px = 0; px < pooledCols; px++) {
                        int topLeft = ((i * rows + 2 * py) * cols + 2 * px) * channels;
                        int target = ((i * pooledRows + py) * pooledCols + px) * channels;
                        for (int c = 0; c < channels; c++) {
                            int best = topLeft + c;
                            best = larger(map, best, topLeft + channels + c);
                            best = larger(map, best, topLeft + cols * channels + c);
                            best = larger(map, best, topLeft + (cols + 1) * channels + c);
                            winners[target + c] = best;
                            pooled[target + c] = map[best];
                        }
                    }
                }
            }
        }

        private static int larger(float[] map, int best, int candidate) {
            return map[candidate] > map[best] ? candidate : best;
        }

        /**
         * The map's gradient from its pooled gradient: each pooled value's to its winner, where the ReLU below had
         * passed its input (the map, a ReLU output, is positive); 0 elsewhere.
         */
        private void unpool(float[] pooledGradient, int[] winners, int pooledLength, float[] map, float[] mapGradient, int mapLength) {
            java.util.Arrays.fill(mapGradient, 0, mapLength, 0f);
            for (int i = 0; i < pooledLength; i++) {
                int winner = winners[i];
                if (map[winner] > 0f) {
                    mapGradient[winner] = pooledGradient[i];
                }
            }
        }

        private void reluGradient(float[] g, float[] out, int length) {
            for (int i = 0; i < length; i++) {
                if (!(out[i] > 0f)) {
                    g[i] = 0f;
                }
            }
        }

        private void weightGradients(INDArray in, INDArray g, String layer, int rows) {
            Nd4j.gemm(in, g, gradients.get(layer + "_w"), true, false, 1.0, 0.0);
            INDArray onesRow = Nd4j.create(ones, new long[] {1, rows}, new long[] {rows, 1}, 0, 'c');
            Nd4j.gemm(onesRow, g, gradients.get(layer + "_b"), false, false, 1.0, 0.0);
        }

        /**
         * Sum over the chunk's images of -log softmax(logits)[label], computed as the graph's loss op does (shifted by
         * the row's largest logit); leaves d(batch mean loss)/d logits = (softmax - one-hot) / batch in the gradient.
         */
        private double softmaxCrossEntropy(int[] labels, int[] order, int from, int count, int batchImages) {
            float[] in = logits.download(count);
            float[] g = logitsGradient.values;
            float perImage = 1f / batchImages;
            double sum = 0;
            for (int i = 0; i < count; i++) {
                int row = i * classes;
                float largest = in[row];
                for (int c = 1; c < classes; c++) {
                    largest = Math.max(largest, in[row + c]);
                }
                float expSum = 0f;
                for (int c = 0; c < classes; c++) {
                    expSum += (float) Math.exp(in[row + c] - largest);
                }
                int label = labels[order[from + i]];
                sum -= in[row + label] - largest - Math.log(expSum);
                for (int c = 0; c < classes; c++) {
                    float p = (float) Math.exp(in[row + c] - largest) / expSum;
                    g[row + c] = (c == label ? p - 1f : p) * perImage;
                }
            }
            return sum;
        }
    }
}

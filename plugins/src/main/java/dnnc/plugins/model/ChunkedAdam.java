package dnnc.plugins.model;

import dnnc.plugins.support.Parallel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Adam over a model's {@link FlatParameters} whose mini-batch gradient arrives as one vector per chunk of the
 * batch (laid out like the parameters), for the hand-written trainers. A step sums the chunk gradients in chunk
 * order and runs Adam over slices of the weights in parallel (it is element-wise), so the weights do not depend on
 * the thread count; so the chunks' passes can run on the same threads ({@link #inParallel}).
 */
final class ChunkedAdam {
    static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService POOL = Parallel.daemonPool(CORES, "backprop");

    /** Work on items 0 .. count-1, each independent of the others. */
    interface Indexed {
        void run(int index);
    }

    private final AdamStep adam;
    private final int threads;
    private final int length;
    private final ByteBuffer weights;
    private final ByteBuffer[] gradients;
    private final float[] m;
    private final float[] v;

    /** Adam as {@code config} sets it (a learning-rate schedule counts steps); work spread over {@code threads}. */
    ChunkedAdam(FlatParameters parameters, List<INDArray> chunkGradients, Adam config, int threads) {
        this.adam = new AdamStep(config);
        this.threads = threads;
        this.length = Math.toIntExact(parameters.length());
        this.weights = floats(parameters.flat());
        this.gradients = chunkGradients.stream().map(ChunkedAdam::floats).toArray(ByteBuffer[]::new);
        this.m = new float[length];
        this.v = new float[length];
    }

    /** Step {@code iteration} (from 0) on the sum of the first {@code chunks} chunk gradients. */
    void step(int chunks, int iteration) {
        int sliceLength = (length + threads - 1) / threads;
        inParallel((length + sliceLength - 1) / sliceLength, slice -> adam.apply(weights, gradients, chunks, m, v,
                slice * sliceLength, Math.min(length, (slice + 1) * sliceLength), iteration));
    }

    /** Runs {@code work} for each index, on the shared pool unless there is one item or one thread to run it on. */
    void inParallel(int count, Indexed work) {
        if (count == 1 || threads == 1) {
            for (int i = 0; i < count; i++) {
                work.run(i);
            }
            return;
        }
        List<Future<?>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            pending.add(POOL.submit(() -> work.run(index)));
        }
        Parallel.awaitAll(pending, "training");
    }

    /** The floats of an array with offset 0 as a byte buffer over its native memory, in native order. */
    private static ByteBuffer floats(INDArray array) {
        if (array.offset() != 0 || array.length() * Float.BYTES > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a model of " + array.length() + " weights is too large to train here");
        }
        return array.data().asNio().order(ByteOrder.nativeOrder());
    }
}

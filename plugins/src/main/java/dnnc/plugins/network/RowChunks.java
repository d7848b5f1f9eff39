package dnnc.plugins.network;

import dnnc.plugins.support.Parallel;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Splits a batch into chunks of rows run on a small shared pool of Java threads, one per core. With one native
 * (OpenMP/BLAS) thread per JVM (on two cores it trains the cVAE 2-3x faster than two), this is what uses every core; chunks of a few hundred rows keep a
 * layer's activations in cache between the GEMM, the bias, the activation and the copy-out. Each pool thread
 * keeps its scratch arrays, so a forward pass allocates no native memory once warm.
 * <p>
 * Every call's chunks run on the pool, never on the caller: callers that are themselves parallel (ACE chunks,
 * lesion batches) then share the same few threads instead of multiplying them.
 */
final class RowChunks {
    static final int CHUNK_ROWS = Integer.getInteger("dnnc.probe.chunk", 256);
    static final int THREADS = Integer.getInteger("dnnc.probe.threads", Runtime.getRuntime().availableProcessors());
    private static final ExecutorService POOL = Parallel.daemonPool(THREADS, "probe-rows");
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Work on rows [from, to) with the running thread's scratch arrays. */
    interface RowWork {
        void run(int from, int to, Scratch scratch);
    }

    /** Numbered work with the running thread's scratch arrays. */
    interface TaskWork {
        void run(int task, Scratch scratch);
    }

    private RowChunks() {
    }

    static void runTasks(int tasks, TaskWork work) {
        List<Future<?>> pending = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            int task = t;
            pending.add(POOL.submit(() -> work.run(task, SCRATCH.get())));
        }
        Parallel.awaitAll(pending, "forward pass");
    }

    static void run(int batch, RowWork work) {
        List<Future<?>> pending = new ArrayList<>();
        for (int from = 0; from < batch; from += CHUNK_ROWS) {
            int start = from;
            int end = Math.min(batch, from + CHUNK_ROWS);
            pending.add(POOL.submit(() -> work.run(start, end, SCRATCH.get())));
        }
        Parallel.awaitAll(pending, "forward pass");
    }

    /** A pool thread's reusable float buffers, one per (slot, width), each of {@link #CHUNK_ROWS} rows. */
    static final class Scratch {
        private final Map<Long, DataBuffer> buffers = new HashMap<>();

        /** A rows x width c-order matrix over this thread's buffer for the slot; contents undefined. */
        INDArray matrix(int slot, int rows, int width) {
            long key = ((long) slot << 32) | width;
            DataBuffer buffer = buffers.computeIfAbsent(key, k -> Nd4j.createBuffer(DataType.FLOAT, (long) CHUNK_ROWS * width, false));
            return Nd4j.create(buffer, new long[] {rows, width}, new long[] {width, 1}, 0, 'c');
        }
    }
}

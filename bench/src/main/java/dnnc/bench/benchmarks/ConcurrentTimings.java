package dnnc.bench.benchmarks;

import dnnc.plugins.support.Parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Wall-clock medians of work that runs on several threads at once, each thread on its own share: the time of a
 * sample is from the common start to the last thread's end, as a caller waiting for the whole of it sees it.
 */
final class ConcurrentTimings implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    ConcurrentTimings(int threads) {
        this.threads = threads;
        this.pool = Parallel.daemonPool(threads, "bench-limits");
    }

    int threads() {
        return threads;
    }

    /**
     * Median seconds of {@code repeats} samples after {@code warmUps}, each sample running {@code share} with
     * thread indexes 0 .. {@code active} - 1 on as many distinct threads, started together.
     */
    double medianSeconds(int active, int warmUps, int repeats, IntConsumer share) {
        if (active < 1 || active > threads) {
            throw new IllegalArgumentException("active threads must be 1.." + threads + "; got " + active);
        }
        return Timings.medianSeconds(repeats, warmUps, () -> runTogether(active, share));
    }

    private void runTogether(int active, IntConsumer share) {
        // every task waits for the others before it starts: no thread takes two shares, and none starts early
        CyclicBarrier start = new CyclicBarrier(active);
        List<Future<?>> pending = new ArrayList<>();
        for (int t = 0; t < active; t++) {
            int index = t;
            pending.add(pool.submit(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } catch (BrokenBarrierException e) {
                    throw new IllegalStateException(e);
                }
                share.accept(index);
            }));
        }
        Parallel.awaitAll(pending, "limits sample");
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

package dnnc.bench.benchmarks;

import org.bytedeco.javacpp.Pointer;

/**
 * Peak memory in use while some work runs, sampled every few milliseconds: Java heap in use plus ND4J's native
 * buffers (JavaCPP's count of live allocations), above the level after a GC before the work. Heap in use counts
 * garbage not yet collected too, so this is an upper bound of what the work needs at once.
 */
final class PeakMemory implements AutoCloseable {
    private final long before;
    private volatile long peak;
    private volatile boolean running = true;
    private final Thread sampler;

    PeakMemory() {
        System.gc();
        before = inUse();
        peak = before;
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, inUse());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "peak-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static long inUse() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory() + Pointer.totalBytes();
    }

    /** Megabytes above the level at the start. */
    double growthMb() {
        peak = Math.max(peak, inUse());
        return (peak - before) / 1e6;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}

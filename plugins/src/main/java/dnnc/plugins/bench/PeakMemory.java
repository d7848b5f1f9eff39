package dnnc.plugins.bench;

import org.bytedeco.javacpp.Pointer;

/**
 * Peak resident memory of the process while some work runs, sampled every few milliseconds: ND4J's buffers
 * live outside the Java heap, so the heap alone would miss most of it. Reported above the level before the work.
 */
final class PeakMemory implements AutoCloseable {
    private final long before;
    private volatile long peak;
    private volatile boolean running = true;
    private final Thread sampler;

    PeakMemory() {
        System.gc();
        before = Pointer.physicalBytes();
        peak = before;
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, Pointer.physicalBytes());
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

    /** Megabytes above the level at the start. */
    double growthMb() {
        peak = Math.max(peak, Pointer.physicalBytes());
        return (peak - before) / 1e6;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}

package dnnc.plugins.clustering;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/** Splits a range in two bands, one on a helper thread and one on the caller: the machine's two cores. */
final class TwoBands implements AutoCloseable {
    interface Band {
        /** {@code band}: 0 for the lower part of the range, 1 for the upper (always 0 when not parallel). */
        void run(int band, int from, int to);
    }

    private final ExecutorService helper;

    TwoBands(boolean parallel) {
        this.helper = parallel ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dnnc-two-bands");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** How many bands {@link #run} runs at once. */
    int count() {
        return helper == null ? 1 : 2;
    }

    /** Both bands at once, split at a multiple of {@code multiple} (so SIMD loops stay aligned); the lower one may be empty. */
    void run(int size, int multiple, Band band) {
        if (helper == null) {
            band.run(0, 0, size);
            return;
        }
        int half = size / 2 / multiple * multiple;
        Future<?> first = helper.submit(() -> band.run(0, 0, half));
        band.run(1, half, size);
        try {
            first.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (helper != null) {
            helper.shutdownNow();
        }
    }
}

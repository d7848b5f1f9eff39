package dnnc.plugins.clustering;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/** Splits a range in two bands, one on a helper thread and one on the caller: the machine's two cores. */
final class TwoBands implements AutoCloseable {
    interface Band {
        void run(int from, int to);
    }

    private final ExecutorService helper;

    TwoBands(boolean parallel) {
        this.helper = parallel ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dnnc-two-bands");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    void run(int size, Band band) {
        if (helper == null) {
            band.run(0, size);
            return;
        }
        int half = size / 2;
        Future<?> first = helper.submit(() -> band.run(0, half));
        band.run(half, size);
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

package dnnc.plugins.clustering;

import dnnc.plugins.support.Parallel;

import java.util.List;
import java.util.concurrent.ExecutorService;

/** A helper thread beside the caller: the machine's two cores, for one job run on both. */
final class TwoBands implements AutoCloseable {
    private final ExecutorService helper;

    TwoBands(boolean parallel) {
        this.helper = parallel ? Parallel.daemonPool(1, "dnnc-two-bands") : null;
    }

    /** How many threads {@link #both} runs the job on. */
    int count() {
        return helper == null ? 1 : 2;
    }

    /** {@code job} on the helper and on the caller at once (the caller's alone when not parallel); returns when both have. */
    void both(Runnable job) {
        if (helper == null) {
            job.run();
            return;
        }
        var other = helper.submit(job);
        job.run();
        Parallel.awaitAll(List.of(other), "affinity propagation's second core");
    }

    @Override
    public void close() {
        if (helper != null) {
            helper.shutdownNow();
        }
    }
}

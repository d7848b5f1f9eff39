package dnnc.plugins.attribution;

import dnnc.plugins.support.Parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** The worker threads attribution spreads its chunks over, and waiting for their results. */
final class Workers {
    private Workers() {
    }

    /** Daemon threads, so a run that fails elsewhere never waits on them to exit. */
    static ExecutorService pool(int threads, String name) {
        return Parallel.daemonPool(threads, name);
    }

    /** The job's result; its own failure is rethrown as it was thrown. */
    static <T> T await(Future<T> job, String what) {
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

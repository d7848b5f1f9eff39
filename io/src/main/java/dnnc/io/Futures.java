package dnnc.io;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work started on another thread, its failure seen where the result is taken. */
public final class Futures {
    private Futures() {
    }

    /** The job's result; its failure rethrown as it was thrown ({@code what} names the work when interrupted). */
    public static <T> T await(Future<T> job, String what) {
        try {
            return job.get();
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

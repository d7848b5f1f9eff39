package dnnc.plugins.support;

import dnnc.io.Futures;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Pools of daemon threads and waiting for all of a batch of their jobs. */
public final class Parallel {
    private Parallel() {
    }

    /** Daemon threads, so a run that fails elsewhere never waits on them to exit. */
    public static ExecutorService daemonPool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code job} started on a daemon thread of its own, for work to overlap with what the caller does meanwhile. */
    public static <T> Future<T> alongside(java.util.concurrent.Callable<T> job, String name) {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(job);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** Waits for every job; the first failure is rethrown as it was thrown, and an interrupt cancels the rest. */
    public static void awaitAll(List<? extends Future<?>> pending, String what) {
        for (Future<?> f : pending) {
            try {
                Futures.await(f, what);
            } catch (RuntimeException | Error e) {
                if (Thread.currentThread().isInterrupted()) {
                    pending.forEach(p -> p.cancel(true));
                }
                throw e;
            }
        }
    }
}

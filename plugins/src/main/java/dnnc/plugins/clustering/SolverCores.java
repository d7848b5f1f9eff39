package dnnc.plugins.clustering;

import java.util.concurrent.Semaphore;

/**
 * The machine's cores as a budget shared by the solves running at once in this JVM: a solve takes two cores when
 * two are free and one otherwise (waiting for it). Two solves at once (two feature kinds' preference sweeps) then
 * run on one core each instead of four threads on two cores, where a chunk held by a descheduled thread stalls the
 * end of every pass; a solve alone still gets both. Which core count a solve ran on never changes its result
 * (the passes sum in row order either way).
 */
final class SolverCores {
    private static final Semaphore FREE = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    private SolverCores() {
    }

    /** Cores held until closed: {@link #count()} of them (a lease of none counts as the caller's own one core). */
    static final class Lease implements AutoCloseable {
        private final Semaphore pool;
        private final int held;

        private Lease(Semaphore pool, int held) {
            this.pool = pool;
            this.held = held;
        }

        int count() {
            return Math.max(1, held);
        }

        @Override
        public void close() {
            pool.release(held);
        }
    }

    /** Two cores if {@code parallel} and two are free, else one (waiting until one is); none when not {@code parallel}. */
    static Lease take(boolean parallel) {
        return take(FREE, parallel);
    }

    static Lease take(Semaphore pool, boolean parallel) {
        if (!parallel) {
            return new Lease(pool, 0);
        }
        if (pool.tryAcquire(2)) {
            return new Lease(pool, 2);
        }
        try {
            pool.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("affinity propagation interrupted while waiting for a core", e);
        }
        return new Lease(pool, 1);
    }
}

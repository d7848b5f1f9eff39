package dnnc.plugins.attribution;

import dnnc.plugins.support.Parallel;

import java.util.concurrent.ExecutorService;

/** The worker threads attribution spreads its chunks over. */
final class Workers {
    private Workers() {
    }

    /** Daemon threads, so a run that fails elsewhere never waits on them to exit. */
    static ExecutorService pool(int threads, String name) {
        return Parallel.daemonPool(threads, name);
    }
}

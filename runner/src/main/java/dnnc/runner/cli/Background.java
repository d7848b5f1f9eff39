package dnnc.runner.cli;

import dnnc.io.Futures;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/**
 * Work a command starts on the second core while it reads its input on the first: finding the plugins (Guice and
 * the plugins folder, ~0.6 s), creating and configuring the command's plugin and warming it up
 * ({@link dnnc.api.Plugin#warmUp}: native libraries, the JIT's first compilations). Its errors (an unknown plugin,
 * a bad parameter) are thrown as they were thrown where the result is taken, so a command still reports a bad input
 * file first and any error in one line.
 */
final class Background<T> {
    private final FutureTask<T> task;

    private Background(Callable<T> work) {
        this.task = new FutureTask<>(work);
    }

    static <T> Background<T> start(Callable<T> work) {
        Background<T> background = new Background<>(work);
        Thread thread = new Thread(background.task, "dnnc-command-background");
        thread.setDaemon(true);
        thread.start();
        return background;
    }

    /** The result, once the work is done. */
    T get() {
        return Futures.await(task, "the command's background work");
    }
}

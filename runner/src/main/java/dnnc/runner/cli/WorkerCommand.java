package dnnc.runner.cli;

import dnnc.api.InvalidInputException;
import dnnc.runner.PluginCatalog;
import dnnc.runner.units.BrokerLink;
import dnnc.runner.units.UnitWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code dnnc worker}: computes the units of runs started with {@code --broker}, until interrupted. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Compute the units (clusterings, lesion tests) of runs started with `dnnc run --broker URL`, on any",
                "machine with the same dnnc build and plugins. Start and stop workers at any time: a unit a worker had",
                "not finished goes back to the broker for another one."})
public final class WorkerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--broker", paramLabel = "URL", required = true, description = "The broker, as `dnnc broker` prints it (tcp://HOST:PORT).")
    String broker;
    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Units computed at once (default: ${DEFAULT-VALUE}).")
    int threads;
    @Option(names = "--cache", paramLabel = "DIR", defaultValue = "runs/cache",
            description = {"Trained-model cache (default: ${DEFAULT-VALUE}). Give workers the runs' cache (a shared folder,",
                    "or a copy): a worker without the run's model trains it with the run's seeds, and refuses units if it differs."})
    Path cache;

    @Override
    public Integer call() throws InterruptedException {
        if (threads < 1) {
            throw new InvalidInputException("--threads " + threads + " is not a thread count; expected 1 or more");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (BrokerLink link = BrokerLink.open(broker)) {
            UnitWorker worker = new UnitWorker(new PluginCatalog(), cache, System.err);
            worker.attach(link, threads);
            System.err.println("dnnc: worker " + worker.name() + " on " + link.url() + " with " + threads
                    + " thread" + (threads == 1 ? "" : "s"));
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "dnnc-worker-stop"));
            stopped.await();
        }
        return 0;
    }
}

package dnnc.runner.cli;

import dnnc.api.InvalidInputException;
import dnnc.runner.PluginCatalog;
import dnnc.runner.run.RunLauncher;
import dnnc.runner.units.BrokerPlacement;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --broker URL} and {@code --local-threads N}, shared by the commands that run a workflow. */
public final class BrokerOptions {
    @Option(names = "--broker", paramLabel = "URL", description = {"Send the run's units (clusterings, lesion tests) to the workers of this broker",
            "(`dnnc broker` prints its URL; `dnnc worker --broker URL` computes them). Same results as without it."})
    String broker;

    @Option(names = "--local-threads", paramLabel = "N", defaultValue = "1",
            description = "With --broker: units this process computes itself at once (default: ${DEFAULT-VALUE}; 0: only workers).")
    int localThreads;

    boolean given() {
        return broker != null;
    }

    /** The launcher, sending units to the broker when one was given. */
    RunLauncher apply(RunLauncher launcher, PluginCatalog catalog, Path cacheDir) {
        if (broker == null) {
            return launcher;
        }
        if (localThreads < 0) {
            throw new InvalidInputException("--local-threads " + localThreads + " is not a thread count; expected 0 or more");
        }
        return launcher.placingUnits(new BrokerPlacement(broker, catalog, cacheDir, localThreads, System.err));
    }
}

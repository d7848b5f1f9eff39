package dnnc.runner.units;

import dnnc.db.RecordStore;
import dnnc.runner.PluginCatalog;
import dnnc.runner.run.RunLauncher;
import dnnc.runner.run.RunSteps;
import dnnc.runner.run.UnitPlacement;

import java.io.PrintStream;
import java.nio.file.Path;

/** Runs' units on the broker at {@code url}; the run's own JVM computes too, on {@code threads} threads. */
public final class BrokerPlacement implements UnitPlacement.Factory {
    private final String url;
    private final PluginCatalog catalog;
    private final Path cacheDir;
    private final int threads;
    private final PrintStream log;

    public BrokerPlacement(String url, PluginCatalog catalog, Path cacheDir, int threads, PrintStream log) {
        this.url = url;
        this.catalog = catalog;
        this.cacheDir = cacheDir;
        this.threads = threads;
        this.log = log;
    }

    @Override
    public UnitPlacement open(String runId, RunSteps steps, RecordStore store) {
        BrokerLink link = BrokerLink.open(url);
        try {
            UnitWorker own = new UnitWorker(catalog, cacheDir, log);
            if (threads > 0) {
                own.attach(link, threads);
            }
            String earlierRun = store.showRun(runId).provenance().get(RunLauncher.RESUMED_FROM);
            return new BrokerUnits(link, runId, earlierRun, steps, threads > 0 ? own : null, catalog.classLoader(), store);
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }
}

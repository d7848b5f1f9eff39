package dnnc.runner.cli;

import dnnc.runner.PluginCatalog;
import dnnc.runner.run.RunLauncher;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The folders of the commands that run workflows: {@code --runs} and the trained-model cache {@code --cache}. */
public final class RunFolders {
    @Mixin
    RunsFolder runs;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Trained-model cache (default: DIR/cache beside the runs).")
    Path cache;

    public Path runsDir() {
        return runs.runsDir();
    }

    public Path cacheDir() {
        return cache != null ? cache : runs.runsDir().resolve("cache");
    }

    public RunsFolder runs() {
        return runs;
    }

    /** Runs workflows into these folders and this record store, printing to the console. */
    public RunLauncher launcher(PluginCatalog catalog) {
        return new RunLauncher(catalog, runsDir(), cacheDir(), System.out, System.err).storingIn(runs.storeUrl());
    }
}

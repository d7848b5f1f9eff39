package dnnc.runner.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The --runs and --cache options shared by the commands that run workflows. */
public final class RunsFolder {
    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
            description = "Folder of run folders and of the record store DIR/records (default: ${DEFAULT-VALUE}).")
    Path runs;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Trained-model cache (default: DIR/cache beside the runs).")
    Path cache;

    public Path runsDir() {
        return runs;
    }

    public dnnc.db.RecordStore open() {
        return dnnc.db.RecordStore.open(runs);
    }

    public Path cacheDir() {
        return cache != null ? cache : runs.resolve("cache");
    }
}

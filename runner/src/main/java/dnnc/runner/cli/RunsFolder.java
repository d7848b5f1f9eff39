package dnnc.runner.cli;

import dnnc.db.RecordStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --runs DIR}, shared by every command that reads or writes the record store. */
public final class RunsFolder {
    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
            description = "Folder of run folders and of the record store DIR/records (default: ${DEFAULT-VALUE}).")
    Path runs;

    public Path runsDir() {
        return runs;
    }

    public RecordStore open() {
        return RecordStore.open(runs);
    }
}

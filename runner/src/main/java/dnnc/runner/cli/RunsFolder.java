package dnnc.runner.cli;

import dnnc.db.RecordStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --runs DIR} and {@code --store URL}, shared by every command that reads or writes the record store. */
public final class RunsFolder {
    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
            description = "Folder of run folders and of the record store DIR/records (default: ${DEFAULT-VALUE}).")
    Path runs;

    @Option(names = "--store", paramLabel = "URL", defaultValue = "${env:DNNC_STORE}",
            description = {"Keep the records in PostgreSQL instead of DIR/records, shared by runs on several machines:",
                    "jdbc:postgresql://HOST[:PORT]/DATABASE?user=USER (password from ~/.pgpass, or &password=...);",
                    "default: the environment variable DNNC_STORE, else the H2 file."})
    String store;

    public Path runsDir() {
        return runs;
    }

    /** The PostgreSQL URL of the records, or null for the H2 file of the runs folder. */
    public String storeUrl() {
        return store == null || store.isBlank() ? null : store;
    }

    public RecordStore open() {
        return RecordStore.open(runs, storeUrl());
    }
}

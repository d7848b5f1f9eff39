package dnnc.runner.cli;

import dnnc.api.InvalidInputException;
import dnnc.db.RecordStore;
import dnnc.db.RunStatus;
import dnnc.runner.PluginCatalog;
import dnnc.runner.run.RunLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * Continues a run started with {@code --broker} whose process died or was stopped: a new run of the same workflow
 * text and parameters that takes the units the earlier run had collected instead of computing them again.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue an interrupted or failed run that was started with --broker: a new run of the same workflow",
                "text, parameters and seeds that reuses the units the earlier one had collected (same numbers)."})
public final class ResumeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The run to continue (see dnnc runs list --status interrupted).")
    String runId;

    @Mixin
    RunFolders folders;

    @Mixin
    BrokerOptions broker;

    @Override
    public Integer call() {
        if (!broker.given()) {
            throw new InvalidInputException("runs resume needs the broker the run's units go to: add --broker URL");
        }
        try (RecordStore store = folders.runs().open()) {
            RunStatus status = store.summary(runId).status();
            if (status == RunStatus.RUNNING || status == RunStatus.SUCCEEDED) {
                throw new InvalidInputException("run " + runId + " is " + status.sqlName() + "; only an interrupted or failed run "
                        + "can be resumed (dnnc runs rerun repeats any run)");
            }
        }
        RecordedWorkflow recorded = RecordedWorkflow.of(folders.runs(), runId);
        PluginCatalog catalog = new PluginCatalog();
        RunLauncher launcher = folders.launcher(catalog).resuming(runId);
        RunLauncher.Outcome outcome = broker.apply(launcher, catalog, folders.cacheDir()).launch(recorded.workflow(), recorded.parameters());
        return outcome.status() == RunStatus.SUCCEEDED ? 0 : 1;
    }
}

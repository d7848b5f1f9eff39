package dnnc.runner.cli;

import dnnc.db.RunStatus;
import dnnc.runner.PluginCatalog;
import dnnc.runner.run.RunLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** Runs a recorded run again: the workflow text it ran (not today's file), its parameters and seeds. */
@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = "Run a recorded run again with the same workflow text, parameters and seeds (same numbers).")
public final class RerunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The run to repeat (see dnnc runs list).")
    String runId;

    @Mixin
    RunFolders folders;

    @Override
    public Integer call() {
        RecordedWorkflow recorded = RecordedWorkflow.of(folders.runs(), runId);
        System.err.println("rerunning " + runId + " (" + recorded.workflow().path() + ", sha256 " + recorded.sha256().substring(0, 12) + ")");
        RunLauncher.Outcome outcome = folders.launcher(new PluginCatalog()).launch(recorded.workflow(), recorded.parameters());
        return outcome.status() == RunStatus.SUCCEEDED ? 0 : 1;
    }
}

package dnnc.runner.cli;

import dnnc.db.RunStatus;
import dnnc.runner.PluginCatalog;
import dnnc.runner.run.RunLauncher;
import dnnc.runner.workflow.WorkflowFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The study's trained networks as ONNX files: runs the export workflow on record (it trains the decoder and the
 * judge as {@code dnnc run} does, or loads them from the cache), then prints where each file is.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = {
        "Write the study's trained cVAE decoder and judge as ONNX files (runs workflows/export.yaml on record;",
        "the models come from the cache when dnnc run trained them with the same data and parameters).",
        "Prints the run folder, then one line per file: decoder PATH, judge PATH."})
public final class ExportCommand implements Callable<Integer> {
    private static final List<String> NETWORKS = List.of("decoder", "judge");

    @Parameters(arity = "0..*", paramLabel = "name=value", description = "Workflow parameters, e.g. epochs=30 judge-epochs=5 seed=1.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--workflow", paramLabel = "FILE", defaultValue = "workflows/export.yaml",
            description = "The export workflow (default: ${DEFAULT-VALUE}).")
    Path workflow;

    @Mixin
    RunFolders folders;

    @Override
    public Integer call() {
        RunLauncher launcher = new RunLauncher(new PluginCatalog(), folders.runsDir(), folders.cacheDir(), System.out, System.err);
        RunLauncher.Outcome outcome = launcher.launch(WorkflowFile.read(workflow), RunCommand.assignments(arguments));
        if (outcome.status() != RunStatus.SUCCEEDED) {
            return 1;
        }
        for (String network : NETWORKS) {
            Path file = outcome.outputDir().resolve(network + ".onnx");
            if (Files.isRegularFile(file)) {
                System.out.println(network + " " + file);
            }
        }
        return 0;
    }
}

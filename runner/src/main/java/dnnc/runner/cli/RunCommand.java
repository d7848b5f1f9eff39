package dnnc.runner.cli;

import dnnc.api.InvalidInputException;
import dnnc.db.RunStatus;
import dnnc.runner.PluginCatalog;
import dnnc.runner.run.RunLauncher;
import dnnc.runner.workflow.WorkflowFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, description = {"Run a workflow on record (default: the study, workflows/thesis.yaml).",
        "Workflow parameters are given as name=value after the file; prints the run id and its folder last."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE [name=value...]",
            description = "Workflow file (default workflows/thesis.yaml), then parameter overrides name=value.")
    List<String> arguments = new ArrayList<>();

    @Mixin
    RunFolders folders;

    @Option(names = "--redact", description = {"For results and reports meant for sharing: record the home, runs and cache folders",
            "as ~, <runs> and <cache>, and values of environment variables named *TOKEN*, *KEY*, *SECRET*, *PASSWORD* as <redacted:NAME>."})
    boolean redact;

    @Mixin
    BrokerOptions broker;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(arguments);
        Path file = Path.of(!args.isEmpty() && !args.get(0).contains("=") ? args.remove(0) : "workflows/thesis.yaml");
        Map<String, String> overrides = assignments(args);
        WorkflowFile workflow = WorkflowFile.read(file);
        PluginCatalog catalog = new PluginCatalog();
        RunLauncher launcher = folders.launcher(catalog);
        broker.apply(launcher, catalog, folders.cacheDir());
        RunLauncher.Outcome outcome = (redact ? launcher.redacting() : launcher).launch(workflow, overrides);
        return outcome.status() == RunStatus.SUCCEEDED ? 0 : 1;
    }

    static Map<String, String> assignments(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("'" + a + "' is not a parameter assignment; write name=value (e.g. epochs=2)");
            }
            values.put(a.substring(0, eq).trim(), a.substring(eq + 1).trim());
        }
        return values;
    }
}

package dnnc.runner;

import dnnc.api.InvalidInputException;
import dnnc.runner.cli.ActivationsCommand;
import dnnc.runner.cli.ClusterCommand;
import dnnc.runner.cli.ExtraCommand;
import dnnc.runner.cli.InspectCommand;
import dnnc.runner.cli.PluginsCommand;
import dnnc.runner.cli.QueryCommand;
import dnnc.runner.cli.RerunCommand;
import dnnc.runner.cli.RunsCommand;
import dnnc.runner.cli.SimilarityCommand;
import dnnc.runner.cli.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ServiceLoader;

/** The `dnnc` command. User errors are one line and exit 2; `--debug` adds the stack trace. */
@Command(name = "dnnc", mixinStandardHelpOptions = true, version = "dnnc " + Main.VERSION,
        description = "Causal clustering of deep neural networks: interventions, ACE, clustering, lesions.",
        subcommands = {RunCommand.class, RunsCommand.class, QueryCommand.class, PluginsCommand.class,
                SimilarityCommand.class, ClusterCommand.class, InspectCommand.class, ActivationsCommand.class})
public final class Main implements Runnable {
    public static final String VERSION = "0.1.0";

    @Option(names = "--debug", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code, without exiting (tests call this). */
    public static int execute(String... args) {
        quietLibraries();
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new Main());
        cli.getSubcommands().get("runs").addSubcommand("rerun", new RerunCommand());
        ServiceLoader.load(ExtraCommand.class).forEach(cli::addSubcommand);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> report(ex, line.getErr(), debug));
        cli.setParameterExceptionHandler((ex, argv) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("dnnc: " + ex.getMessage() + " (see: dnnc " + commandPath(ex.getCommandLine()) + " --help)");
            if (debug) {
                ex.printStackTrace(err);
            }
            return 2;
        });
        int exit = cli.execute(args);
        // picocli's writers flush on println only: a table printed with print() would be lost at System.exit
        cli.getOut().flush();
        cli.getErr().flush();
        return exit;
    }

    /**
     * JavaCPP prints its warnings (e.g. mismatched native versions) straight to stderr; routed through slf4j they
     * obey simplelogger.properties, so stderr keeps to dnnc's own one-line messages and progress.
     */
    private static void quietLibraries() {
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        }
    }

    private static String commandPath(CommandLine line) {
        String qualified = line.getCommandSpec().qualifiedName(" ");
        return qualified.startsWith("dnnc ") ? qualified.substring(5) : "";
    }

    static int report(Throwable ex, PrintWriter err, boolean debug) {
        Throwable userError = findUserError(ex);
        if (userError != null) {
            err.println("dnnc: " + userError.getMessage());
        } else {
            err.println("dnnc: internal error: " + ex + " (rerun with --debug for the stack trace)");
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return userError != null ? 2 : 1;
    }

    private static Throwable findUserError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException) {
                return t;
            }
        }
        return null;
    }
}

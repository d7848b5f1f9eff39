package dnnc.runner;

import dnnc.api.InvalidInputException;
import dnnc.runner.cli.ActivationsCommand;
import dnnc.runner.cli.BrokerCommand;
import dnnc.runner.cli.WorkerCommand;
import dnnc.runner.cli.ClusterCommand;
import dnnc.runner.cli.ExportCommand;
import dnnc.runner.cli.ExtraCommand;
import dnnc.runner.cli.InspectCommand;
import dnnc.runner.cli.PluginsCommand;
import dnnc.runner.cli.QueryCommand;
import dnnc.runner.cli.RerunCommand;
import dnnc.runner.cli.ResumeCommand;
import dnnc.runner.cli.RunCommand;
import dnnc.runner.cli.RunsCommand;
import dnnc.runner.cli.ServeCommand;
import dnnc.runner.cli.SimilarityCommand;
import dnnc.runner.run.Causes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ServiceLoader;

/** The `dnnc` command. User errors are one line and exit 2; `--debug` adds the stack trace. */
@Command(name = "dnnc", mixinStandardHelpOptions = true, versionProvider = Main.VersionText.class,
        description = "Causal clustering of deep neural networks: interventions, ACE, clustering, lesions.",
        subcommands = {RunCommand.class, RunsCommand.class, QueryCommand.class, PluginsCommand.class,
                SimilarityCommand.class, ClusterCommand.class, InspectCommand.class, ActivationsCommand.class, ExportCommand.class, ServeCommand.class,
                BrokerCommand.class, WorkerCommand.class})
public final class Main implements Runnable {
    public static final String VERSION = "0.1.0";

    @Option(names = "--debug", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The version, and whether this JVM gives dnnc the vector API its SIMD paths use. */
    static final class VersionText implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            boolean vectors = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
            return new String[] {"dnnc " + VERSION, "JDK vector API: " + (vectors ? "in use (jdk.incubator.vector)"
                    : "absent, SIMD paths run as plain loops (start java with --add-modules jdk.incubator.vector)")};
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code, without exiting (tests call this). */
    public static int execute(String... args) {
        quietLibraries();
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cli = commandTree();
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

    /** The command and its subcommands, without handlers. */
    public static CommandLine commandTree() {
        CommandLine tree = new CommandLine(new Main());
        tree.getSubcommands().get("runs").addSubcommand("rerun", new RerunCommand());
        tree.getSubcommands().get("runs").addSubcommand("resume", new ResumeCommand());
        ServiceLoader.load(ExtraCommand.class).forEach(tree::addSubcommand);
        // SQL may open with a comment ("-- the latest runs\nSELECT ..."): that is the query, not an unknown option
        tree.getSubcommands().get("query").setUnmatchedOptionsArePositionalParams(true);
        withHelpOptions(tree);
        return tree;
    }

    /** Every command and subcommand answers --help and -h (and --version, -V), the ones added later too. */
    private static void withHelpOptions(CommandLine command) {
        if (!command.getCommandSpec().mixinStandardHelpOptions()) {
            command.getCommandSpec().mixinStandardHelpOptions(true);
        }
        command.getSubcommands().values().forEach(Main::withHelpOptions);
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
        return Causes.find(ex, InvalidInputException.class).orElse(null);
    }
}

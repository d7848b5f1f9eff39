package dnnc.runner.cli;

import dnnc.runner.Main;
import dnnc.runner.reliability.Cli;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command and subcommand, found by walking the command tree, answers --help and -h with its usage. */
class HelpOptionsTest {
    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandTree(), paths);
        assertTrue(paths.containsAll(List.of(List.of(), List.of("run"), List.of("runs", "list"), List.of("runs", "rerun"),
                List.of("query"))), paths.toString());
        return paths.stream().flatMap(path -> Stream.of("--help", "-h").map(flag -> {
            List<String> args = new ArrayList<>(path);
            args.add(flag);
            return DynamicTest.dynamicTest("dnnc " + String.join(" ", args), () -> {
                Cli cli = Cli.dnnc(args.toArray(String[]::new));
                assertEquals(0, cli.exit(), "exit code; stderr: " + cli.err());
                assertTrue(cli.out().startsWith(String.join(" ", "Usage:", "dnnc", String.join(" ", path)).strip()), cli.out());
                assertEquals("", cli.err(), "nothing on stderr");
            });
        }));
    }

    private static void collect(CommandLine command, List<List<String>> paths) {
        List<String> path = List.of(command.getCommandSpec().qualifiedName(" ").split(" "));
        paths.add(path.subList(1, path.size()));
        command.getSubcommands().values().forEach(sub -> collect(sub, paths));
    }
}

package dnnc.bench.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A dnnc command as a user types it: dnnc's main class in a new JVM started as the launcher starts it (this JVM's
 * options and class path, this process's environment), so JVM start, native library loading, parsing and writing
 * are all in a time taken around it.
 */
public final class DnncProcess {
    private DnncProcess() {
    }

    /** Runs {@code dnnc arguments...}; its output (stdout and stderr) once it exited with 0, else an exception naming its last line. */
    public static String run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dnnc.runner.Main"));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int code = process.waitFor();
            if (code != 0) {
                throw new IllegalStateException("dnnc " + String.join(" ", arguments) + " exited with " + code + ": "
                        + output.substring(output.lastIndexOf('\n') + 1));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

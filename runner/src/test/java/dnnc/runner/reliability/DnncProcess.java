package dnnc.runner.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** `dnnc` in its own JVM (the test classpath), its stderr read line by line as it comes. */
public final class DnncProcess implements AutoCloseable {
    /** A generous limit that only keeps a broken test from hanging the build; never a speed assertion. */
    private static final long PATIENCE_SECONDS = 600;
    private static final String END = "\u0000end";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private DnncProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process was killed: its stderr ends here
            } finally {
                lines.add(END);
            }
        }, "dnnc-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    public static DnncProcess start(Path stdout, String... args) {
        return start(stdout, java.util.Map.of(), args);
    }

    public static DnncProcess start(Path stdout, java.util.Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dnnc.runner.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("CI", "true");
        builder.environment().putAll(environment);
        try {
            return new DnncProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a stderr line matching {@code marker}; fails if the process ends first. */
    String awaitLine(Predicate<String> marker) throws InterruptedException {
        while (true) {
            String line = lines.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (line == null || line.equals(END)) {
                throw new AssertionError("the run ended before the expected line; stderr was:\n" + String.join("\n", seen));
            }
            seen.add(line);
            if (marker.test(line)) {
                return line;
            }
        }
    }

    /**
     * Waits for a stderr line matching {@code marker}, or for stderr to close: true if the line came. The end is
     * left in the queue, so later reads of stderr see it too.
     */
    boolean awaitLineOrEnd(Predicate<String> marker) throws InterruptedException {
        while (true) {
            String line = lines.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("dnnc wrote no line and did not end; stderr was:\n" + String.join("\n", seen));
            }
            if (line.equals(END)) {
                lines.add(END);
                return false;
            }
            seen.add(line);
            if (marker.test(line)) {
                return true;
            }
        }
    }

    /** SIGKILL on Linux: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    public int waitFor() throws InterruptedException {
        if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("dnnc did not end");
        }
        return process.exitValue();
    }

    /** All of stderr, once the process has closed it. */
    public String stderr() throws InterruptedException {
        for (String line = lines.poll(PATIENCE_SECONDS, TimeUnit.SECONDS); line != null && !line.equals(END);
             line = lines.poll(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            seen.add(line);
        }
        return String.join("\n", seen);
    }

    String stderrSoFar() {
        lines.drainTo(seen);
        return String.join("\n", seen);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}

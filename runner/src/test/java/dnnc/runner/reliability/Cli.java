package dnnc.runner.reliability;

import dnnc.runner.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dnnc command run in this JVM with its output captured, and the checks every refused input must pass. */
public record Cli(int exit, String out, String err) {
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b");

    /** Runs {@code dnnc args...}; System.out/err are swapped for the call, so calls are serialised. */
    public static synchronized Cli dnnc(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.execute(args);
            return new Cli(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(Cli.class.getResource("/reliability/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A refusal as the user sees it: a non-zero exit, exactly one line on stderr ("dnnc: ...") holding every
     * {@code expected} fragment (the file, line or parameter, and what would be valid), and no stack trace or
     * exception class name.
     */
    public Cli assertRefused(String... expected) {
        assertNotEquals(0, exit, "exit code; stderr: " + err);
        List<String> lines = err.strip().lines().toList();
        assertEquals(1, lines.size(), "exactly one line on stderr:\n" + err);
        String line = lines.get(0);
        assertTrue(line.startsWith("dnnc: "), line);
        for (String fragment : expected) {
            assertTrue(line.contains(fragment), "'" + fragment + "' in: " + line);
        }
        assertFalse(STACK_FRAME.matcher(err).find(), "no stack trace: " + err);
        assertFalse(EXCEPTION_NAME.matcher(line).find(), "no exception class name: " + line);
        return this;
    }

    Cli assertSucceeded() {
        assertEquals(0, exit, "exit code; stderr: " + err);
        return this;
    }

    /** The run id in the "run <id> <status>" line a run prints last but one. */
    String runId() {
        List<String> lines = out.strip().lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("run ")) {
                return lines.get(i).split(" ")[1];
            }
        }
        throw new AssertionError("no run line in: " + out);
    }
}

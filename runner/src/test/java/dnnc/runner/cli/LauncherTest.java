package dnnc.runner.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@code ./dnnc} script, in a copy of the project whose runner jar points at this build's classes: the
 * JVM's incubator notice never reaches the user, the vector API is still in use, and dnnc's own lines, exit codes
 * and the rest of stderr pass through.
 */
class LauncherTest {
    @TempDir
    static Path root;

    @BeforeAll
    static void aBuiltCopyOfTheLauncher() throws IOException {
        Files.copy(Path.of("..", "dnnc"), root.resolve("dnnc"));
        Path target = Files.createDirectories(root.resolve("runner/target/lib"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            classPath.add(Path.of(entry).toUri().toString());
        }
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (OutputStream jar = new JarOutputStream(Files.newOutputStream(target.resolveSibling("dnnc-runner-0.1.0.jar")), manifest)) {
            jar.flush();
        }
        Files.createFile(target.resolveSibling(".dnnc-built"));
    }

    @Test
    void helpAndVersionAreAllThereIs() throws Exception {
        Result help = launch("--help");
        assertEquals(0, help.exit);
        assertTrue(help.out.startsWith("Usage: dnnc"), help.out);
        assertEquals("", help.err, "nothing on stderr, the JVM's incubator notice included");
        Result version = launch("query", "-h");
        assertEquals(0, version.exit);
        assertEquals("", version.err);
        Result vectors = launch("--version");
        assertTrue(vectors.out.contains("JDK vector API: in use"), "the launcher still adds the module: " + vectors.out);
    }

    @Test
    void dnncsOwnLinesAndExitCodesPassThrough() throws Exception {
        Result refused = launch("query", "SET PASSWORD 'x'", "--runs", root.resolve("runs").toString());
        assertEquals(2, refused.exit);
        assertEquals(List.of("dnnc: query refused: 'SET PASSWORD' is not a query; dnnc query runs one query: SELECT, "
                + "WITH ... SELECT, VALUES, TABLE or EXPLAIN"), refused.err.lines().toList());
        Result unknown = launch("--no-such-option");
        assertEquals(2, unknown.exit);
        assertTrue(unknown.err.startsWith("dnnc: Unknown option: '--no-such-option'"), unknown.err);
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("dnnc").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Path out = Files.createTempFile(root, "out", ".txt");
        Process process = builder.redirectOutput(out.toFile()).start();
        // stderr ends when the JVM and the filter after it have both closed it: all of it, with no waiting on time
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        // a generous limit that only keeps a broken launcher from hanging the build; never a speed assertion
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not end");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), err);
    }
}

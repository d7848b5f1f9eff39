package dnnc.runner.thirdparty;

import dnnc.api.InvalidInputException;
import dnnc.api.PluginKind;
import dnnc.db.RecordStore;
import dnnc.db.StepRecord;
import dnnc.runner.PluginDiscovery;
import dnnc.runner.reliability.DnncProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example third-party plugin (examples/third-party-plugin, compiled against dnnc-api alone) as a user adds it:
 * its jar dropped into a plugins folder, listed by `dnnc plugins` and run in a workflow. It is not on this test's
 * classpath (the runner's pom keeps it off), so only the folder can supply it.
 */
class PluginsFolderTest {
    private static final String EXAMPLE_CLASS = "org.example.dnnc.AbsolutePearson";

    @TempDir
    static Path plugins;
    @TempDir
    Path work;

    @BeforeAll
    static void dropTheExampleJarIntoThePluginsFolder() throws IOException {
        jar(Path.of("../examples/third-party-plugin/target/classes"), plugins.resolve("abs-pearson-plugin-1.0.0.jar"));
    }

    @Test
    void theExampleIsNotOnTheClasspathButTheFolderSuppliesIt() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(EXAMPLE_CLASS));
        assertEquals(EXAMPLE_CLASS, PluginDiscovery.in(plugins).plugins(PluginKind.SIMILARITY).get("abs-pearson").getName());
        assertTrue(PluginDiscovery.in(work).plugins(PluginKind.SIMILARITY).containsKey("spearman"), "built-ins without a folder");
    }

    @Test
    void pluginsListsItAndAWorkflowRunsIt() throws Exception {
        Map<String, String> env = Map.of("DNNC_PLUGINS", plugins.toString());
        Path listing = work.resolve("plugins.txt");
        try (DnncProcess list = DnncProcess.start(listing, env, "plugins", "--kind", "similarity")) {
            assertEquals(0, list.waitFor(), list.stderr());
        }
        String listed = Files.readString(listing);
        assertTrue(listed.contains("  abs-pearson  |Pearson r|^power") && listed.contains("power") && listed.contains("range [0.1, 10]"), listed);

        Path runs = work.resolve("runs");
        try (DnncProcess run = DnncProcess.start(work.resolve("run.txt"), env, "run", workflow().toString(),
                "similarity=abs-pearson", "--runs", runs.toString())) {
            assertEquals(0, run.waitFor(), run.stderr());
        }
        try (RecordStore store = RecordStore.open(runs)) {
            String runId = store.listRuns(new dnnc.db.RunFilter(null, null)).get(0).id();
            List<String> steps = store.showRun(runId).steps().stream().map(StepRecord::stepId).toList();
            assertTrue(steps.contains("similarity:abs-pearson"), steps.toString());
            assertEquals("1", store.showRun(runId).steps().stream().filter(s -> s.pluginName().equals("abs-pearson"))
                    .findFirst().orElseThrow().parameters().get("power").asText());
        }
    }

    @Test
    void aJarNamingAProviderItLacksIsOneLineNamingTheFolder() throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(work.resolve("broken.jar")))) {
            out.putNextEntry(new JarEntry("META-INF/services/dnnc.api.PluginProvider"));
            out.write("org.example.Missing\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        InvalidInputException broken = assertThrows(InvalidInputException.class, () -> PluginDiscovery.in(work));
        assertTrue(broken.getMessage().contains("org.example.Missing") && broken.getMessage().contains(work.toString()), broken.getMessage());
    }

    private static void jar(Path classes, Path jar) throws IOException {
        assertTrue(Files.isDirectory(classes), "the reactor builds the example before the runner: " + classes.toAbsolutePath());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
    }

    private static Path workflow() {
        return Path.of("src/test/resources/workflows/small.yaml").toAbsolutePath();
    }
}

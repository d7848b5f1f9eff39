package dnnc.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dnnc.db.RecordStore;
import dnnc.db.RunDetails;
import dnnc.db.RunStatus;
import dnnc.db.StepRecord;
import dnnc.runner.golden.ResultsComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The study's own workflow (workflows/thesis.yaml) end to end on the embedded digits, with small settings given as
 * parameters: a one-epoch model on 1,000 digits, 100 draws, two alphas, few random lesions, the analysis repeated
 * with a second seed. Neurons are clustered by average linkage (seconds) instead of the default affinity-propagation
 * sweep (minutes on two cores; the clustering tests cover it): this also runs the workflow's branch for a swapped
 * clustering plugin. Checks the report, results.json (key by key against the results recorded before: refactors keep
 * the numbers) and the record.
 */
class StudyEndToEndTest {
    private static final String[] SMALL = {"train=1000", "epochs=1", "judge-epochs=1", "draws=100", "alphas=-3,3",
            "repeat-alphas=-3,3", "clustering=agglomerative", "random-lesions=19", "lesion-draws=4", "repeats=2"};

    /** results.json of this small study as recorded before refactors; they must not change its numbers. */
    private static final Path RECORDED_RESULTS = Path.of("src/test/resources/golden/small-study-results.json");

    @TempDir
    Path runs;

    @Test
    void theStudyWorkflowWritesOneSelfContainedReportAndKeepsTheRecord() throws Exception {
        Path workflow = thesisWorkflow();
        List<String> args = new ArrayList<>(List.of("run", workflow.toString()));
        args.addAll(List.of(SMALL));
        args.addAll(List.of("--runs", runs.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = Main.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(stdout);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        String[] lines = printed.strip().split("\n");
        Path folder = Path.of(lines[lines.length - 1]);
        String runId = folder.getFileName().toString();

        String html = Files.readString(folder.resolve("report.html"), StandardCharsets.UTF_8);
        assertSelfContained(html);
        for (String section : List.of("findings", "model", "latents", "effects", "clusters", "lesions", "repeatability", "run")) {
            assertTrue(html.contains("<h2 id=\"" + section + "\">"), "section " + section);
        }
        for (String figure : List.of("3.1", "3.2", "3.3", "3.4", "3.6a", "3.6b", "5.1")) {
            assertTrue(html.contains("<figure id=\"figure-" + figure + "\"><img"), "figure " + figure + " embedded");
        }
        assertTrue(html.contains("Figure 3.5: not drawn"), "no preference sweep without affinity propagation, and the page says so");
        assertTrue(html.contains("Table 3.1"), "table 3.1");
        for (int finding = 1; finding <= 6; finding++) {
            assertTrue(html.contains("<td class=\"num\">" + finding + "</td>"), "finding " + finding + " in the table");
        }
        assertTrue(html.contains("./dnnc runs rerun " + runId), "how to rerun");
        assertTrue(html.contains("epochs=1") && html.contains("draws=100"), "the parameters given");

        JsonNode results = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
        JsonNode findings = results.get("findings");
        assertTrue(findings.get("rotation_latent").isInt());
        assertEquals(10, findings.get("rotation_range_deg").size());
        assertEquals(10, findings.get("scale_range").size());
        assertTrue(findings.has("clusters") && findings.has("important"), findings.toString());
        for (String check : List.of("1_rotation_scale", "2_ace_on_strokes", "3_class_diagonal", "4_clusters", "5_important", "6_critical")) {
            assertTrue(findings.at("/checks/" + check + "/verdict").isTextual(), check);
        }
        assertEquals(2, findings.at("/repeatability/seeds").asInt());
        assertTrue(results.at("/repeats/1/ace/focus_latent").isInt(), "the repeat recorded under repeats.1");
        assertEquals("report.html", results.at("/report/file").asText());
        List<String> changed = ResultsComparison.differences(ResultsComparison.recorded(RECORDED_RESULTS, results), results);
        assertTrue(changed.isEmpty(), "the same seeds must give the results recorded in " + RECORDED_RESULTS
                + " (rerun with -D" + ResultsComparison.REWRITE_PROPERTY + "=true when a change is meant to alter them):\n"
                + String.join("\n", changed));

        try (RecordStore store = RecordStore.open(runs)) {
            RunDetails details = store.showRun(runId);
            assertEquals(RunStatus.SUCCEEDED, details.summary().status());
            List<String> steps = details.steps().stream().map(StepRecord::stepId).toList();
            assertEquals(List.of("data:mnist-idx", "model:cbeta-vae", "model:cnn-judge", "analysis:latent-shapes", "report:reconstruction-grid",
                    "attribution:ace-monte-carlo", "similarity:spearman", "clustering:agglomerative", "lesion:judge",
                    "attribution:ace-monte-carlo#repeat-1", "similarity:spearman#repeat-1", "clustering:agglomerative#repeat-1",
                    "lesion:judge#repeat-1", "analysis:stroke-share", "report:repeatability", "report:study-report"), steps);
            assertTrue(details.steps().stream().allMatch(s -> s.status() == RunStatus.SUCCEEDED));
            assertTrue(details.artifacts().stream().anyMatch(a -> a.path().endsWith("report.html")), "the report is an artifact");
        }
    }

    /** Every image is a data: URI; nothing refers to another file, a server or a script. */
    private static void assertSelfContained(String html) {
        Matcher sources = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (sources.find()) {
            assertTrue(sources.group(1).startsWith("data:image/"), "embedded: " + sources.group(1).substring(0, Math.min(40, sources.group(1).length())));
            images++;
        }
        assertTrue(images >= 8, images + " images");
        assertFalse(html.contains("href="), "no links");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("<link"), "no stylesheets");
    }

    private static Path thesisWorkflow() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("workflows/thesis.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("workflows/thesis.yaml not found above " + Path.of("").toAbsolutePath());
    }
}

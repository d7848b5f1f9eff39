package dnnc.plugins.report;

import dnnc.api.ClusterLesion;
import dnnc.api.ClusteringSet;
import dnnc.api.ConditionalGenerator;
import dnnc.api.CriticalSet;
import dnnc.api.EffectSummary;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.ImageShape;
import dnnc.api.LatentShapes;
import dnnc.api.LesionFindings;
import dnnc.api.NeuronClustering;
import dnnc.api.RunInfo;
import dnnc.api.Slots;
import dnnc.plugins.analysis.AnalysisStage;
import dnnc.plugins.analysis.StrokeShareAnalysis;
import dnnc.plugins.figures.PngWriter;
import dnnc.plugins.testing.GeneratorFixtures;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyReportReporterTest {

    /** A run holding everything the report reads: the slots of every step and one figure. */
    private static RepeatsContext studiedRun(Path dir) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("digit", "5");
        parameters.put("similarity", "spearman");
        RunInfo info = new RunInfo("run-1", "workflows/thesis.yaml", "abc123", parameters, 1L, Map.of("java.version", "17"));
        RepeatsContext context = new RepeatsContext(new TestRunContext(dir.resolve("runs/run-1"), 1L), info);
        ConditionalGenerator model = GeneratorFixtures.crossFadingBars();
        context.put(Slots.MODEL, model);
        context.put(Slots.ATTRIBUTION, GeneratorFixtures.barsAttribution(model));
        Map<FeatureKey, NeuronClustering> byKey = new LinkedHashMap<>();
        List<ClusterLesion> lesions = new ArrayList<>();
        Map<FeatureKey, ClusterLesion> important = new LinkedHashMap<>();
        for (double alpha : new double[] {-2, 2}) {
            for (FeatureKind kind : FeatureKind.values()) {
                NeuronClustering nc = FindingChecksTest.clustering(kind, alpha, kind == FeatureKind.ACE ? 6 : 7, true);
                byKey.put(nc.key(), nc);
                ClusterLesion lesion = new ClusterLesion(nc.key(), 0, new int[] {2, 3, 4}, 3, 0.9, 0.01, new double[0]);
                lesions.add(lesion);
                important.put(nc.key(), lesion);
            }
        }
        context.put(Slots.CLUSTERINGS, new ClusteringSet("affinity-propagation", "spearman", 3, FindingChecksTest.LAYOUT, byKey));
        Map<Double, CriticalSet> critical = new LinkedHashMap<>();
        critical.put(-2.0, new CriticalSet(-2, new int[] {3, 4}, 2, 0.4, 0.2, 0.01, new int[0], false));
        critical.put(2.0, new CriticalSet(2, new int[] {2, 3, 4}, 3, 0.95, 0.01, 0.001, new int[] {3}, true));
        context.put(Slots.LESIONS, new LesionFindings("judge", lesions, important, critical));
        context.put(Slots.LATENT_SHAPES, shapes(new double[] {1, 2, 3, 90, 2, 1, 1, 1, 1, 1},
                new double[] {1, 1.01, 1, 1.9, 1.1, 1, 1, 1, 1, 1}));
        context.put(Slots.EFFECT_SUMMARY, new EffectSummary(3, Map.of(), 7));
        new AnalysisStage().run(new StrokeShareAnalysis(), context);
        BufferedImage grid = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        grid.setRGB(2, 2, 0x00ff00);
        PngWriter.write(context.outputDir().resolve("reconstruction-grid.png"), grid);
        return context;
    }

    /** Latent shapes with the given ranges and no images (the report reads only the ranges). */
    private static LatentShapes shapes(double[] rotationDeg, double[] scaleRatio) {
        List<LatentShapes.Latent> latents = new ArrayList<>();
        for (int i = 0; i < rotationDeg.length; i++) {
            latents.add(new LatentShapes.Latent(new float[0][], new ImageShape[0], rotationDeg[i], scaleRatio[i], new double[0], new float[0][]));
        }
        return new LatentShapes(5, 1, new double[] {-3, 3}, 28, 28, latents);
    }

    @Test
    void writesOneSelfContainedPageWithEverySectionAndTheFindings(@TempDir Path dir) throws Exception {
        RepeatsContext context = studiedRun(dir);

        new StudyReportReporter().report(context);

        Path report = context.outputDir().resolve("report.html");
        String html = Files.readString(report, StandardCharsets.UTF_8);
        String grid = Base64.getEncoder().encodeToString(Files.readAllBytes(context.outputDir().resolve("reconstruction-grid.png")));
        assertTrue(html.contains("src=\"data:image/png;base64," + grid + "\""), "the grid is embedded");
        assertFalse(html.contains("http:") || html.contains("https:") || html.contains("<script") || html.contains("src=\"r"),
                "no external references");
        for (String section : List.of("findings", "model", "latents", "effects", "clusters", "lesions", "repeatability", "run")) {
            assertTrue(html.contains("id=\"" + section + "\""), section);
        }
        assertTrue(html.contains("<td class=\"num\">-2</td><td class=\"num\">7</td><td class=\"num\">6</td><td class=\"num\">8</td><td class=\"num\">8</td>"),
                "table 3.1 puts ours beside the study's at alpha -2");
        assertTrue(html.contains("./dnnc runs rerun run-1 --runs " + dir.resolve("runs")), "rerun by id");
        assertTrue(html.contains("./dnnc run workflows/thesis.yaml digit=5 similarity=spearman --runs"), "rerun by command line");
        assertTrue(html.contains("Figure 3.5: not drawn"), "a figure whose step did not run is said to be missing");

        Map<String, Object> results = context.run.results;
        assertEquals("report.html", results.get("report.file"));
        assertEquals("holds", verdict(results, "1_rotation_scale"));
        assertEquals("holds", verdict(results, "2_ace_on_strokes"));
        assertEquals("partly", verdict(results, "3_class_diagonal"));
        assertEquals("holds", verdict(results, "4_clusters"));
        assertEquals("holds", verdict(results, "5_important"));
        assertEquals("partly", verdict(results, "6_critical"), "the critical set fails at alpha 2 only");
        assertTrue(context.run.artifacts.containsKey(report));
    }

    @Test
    void aWorkflowWithoutTheAnalysisStillGetsAPageSayingWhatIsMissing(@TempDir Path dir) throws Exception {
        RepeatsContext context = new RepeatsContext(new TestRunContext(dir, 1L), RunInfo.unknown("bare"));
        new StudyReportReporter().report(context);
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("No model step ran."), html);
        assertTrue(html.contains("No clustering step ran."), html);
        assertEquals("not measured", verdict(context.run.results, "1_rotation_scale"));
    }

    @SuppressWarnings("unchecked")
    private static Object verdict(Map<String, Object> results, String finding) {
        return ((Map<String, Object>) results.get("findings.checks." + finding)).get("verdict");
    }
}

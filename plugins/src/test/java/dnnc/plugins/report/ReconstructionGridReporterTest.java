package dnnc.plugins.report;

import dnnc.api.ConditionalGenerator;
import dnnc.api.InvalidInputException;
import dnnc.api.LatentShapes;
import dnnc.api.PluginKind;
import dnnc.api.Slots;
import dnnc.plugins.analysis.LatentShapeAnalysis;
import dnnc.plugins.testing.GeneratorFixtures;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconstructionGridReporterTest {
    @TempDir
    Path dir;

    /** The run after the latent-shapes analysis, as the reporter finds it. */
    private static TestRunContext analysed(Path outputDir, Path cache, ConditionalGenerator model, String sweepImages) {
        TestRunContext context = new TestRunContext(outputDir, cache, 0);
        context.put(Slots.MODEL, model);
        LatentShapeAnalysis analysis = new LatentShapeAnalysis();
        analysis.configure(Map.of("sweep-images", sweepImages));
        analysis.analyse(context);
        return context;
    }

    @Test
    void drawsTheGridTheAnimationsAndTheShapeCurvesOfTheAnalysedSweep() throws IOException {
        Path preview = Path.of("target", "figure-previews", "reconstruction-bars");
        TestRunContext context = analysed(preview.resolve("run"), dir.resolve("cache"), GeneratorFixtures.crossFadingBars(), "5");
        Set<String> analysed = Set.copyOf(context.recorder().results.keySet());

        new ReportStage().run(new ReconstructionGridReporter(), context);

        Map<String, Object> results = context.recorder().results;
        assertEquals("reconstruction-grid.png", results.get("reconstruction.grid"));
        LatentShapes shapes = context.get(Slots.LATENT_SHAPES).orElseThrow();
        List<String> csv = Files.readAllLines(context.outputDir().resolve("reconstruction-grid.csv"));
        assertEquals(1 + 10 * 7, csv.size());
        String[] z3AtPlus3 = csv.stream().filter(l -> l.startsWith("z_3,3.0,")).findFirst().orElseThrow().split(",");
        assertEquals(shapes.latents().get(3).shapes()[6].inkArea(), Double.parseDouble(z3AtPlus3[2]), 1e-12);
        assertEquals(shapes.latents().get(3).shapes()[6].orientationDeg(), Double.parseDouble(z3AtPlus3[3]), 1e-12);
        for (String name : List.of("reconstruction-grid.png", "reconstruction-grid.csv", "reconstruction-z3.gif",
                "reconstruction-orientation.png", "reconstruction-ink.png")) {
            assertTrue(context.recorder().artifacts.containsKey(context.outputDir().resolve(name)), name + " recorded");
        }
        assertEquals(8, gifFrames(context.outputDir().resolve("reconstruction-z3.gif")), "5 frames there, 3 back");
        assertEquals(Set.of("reconstruction.grid", "reconstruction.animations"),
                results.keySet().stream().filter(k -> !analysed.contains(k)).collect(Collectors.toSet()), "the report records its files only");
    }

    @Test
    void randomDecoderGivesReadableFigures() throws IOException {
        Path preview = Path.of("target", "figure-previews", "reconstruction");
        TestRunContext context = analysed(preview.resolve("a"), dir.resolve("cache"), GeneratorFixtures.random(7), "9");

        new ReconstructionGridReporter().report(context);

        BufferedImage grid = ImageIO.read(context.outputDir().resolve("reconstruction-grid.png").toFile());
        assertTrue(grid.getWidth() > 10 * 84 && grid.getHeight() > 7 * 84);
        assertEquals(10, ((List<?>) context.recorder().results.get("reconstruction.animations")).size());
        assertEquals(16, gifFrames(context.outputDir().resolve("reconstruction-z0.gif")), "9 frames there, 7 back");
    }

    @Test
    void withoutTheAnalysisTheUserIsToldWhichStepToAdd() {
        TestRunContext context = new TestRunContext(dir);
        context.put(Slots.MODEL, GeneratorFixtures.random(1));
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> new ReconstructionGridReporter().report(context));
        assertTrue(missing.getMessage().contains("dnnc:analysis:latent-shapes"), missing.getMessage());
        assertThrows(InvalidInputException.class, () -> new ReconstructionGridReporter().configure(Map.of("frame-delay-ms", "1")));
    }

    @Test
    void providerListsTheReporterAndTheReportStage() {
        ReportPlugins provider = new ReportPlugins();
        assertTrue(provider.plugins().contains(ReconstructionGridReporter.class));
        assertEquals("reconstruction-grid", new ReconstructionGridReporter().name());
        assertEquals(List.of(ReportStage.class), provider.stages());
        assertEquals(PluginKind.REPORT, new ReportStage().kind());
    }

    private static int gifFrames(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int n = reader.getNumImages(true);
            reader.dispose();
            return n;
        }
    }
}

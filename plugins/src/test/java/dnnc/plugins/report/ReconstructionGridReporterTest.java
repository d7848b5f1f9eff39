package dnnc.plugins.report;

import dnnc.api.ConditionalGenerator;
import dnnc.api.InvalidInputException;
import dnnc.api.Lesion;
import dnnc.api.PluginKind;
import dnnc.api.Slots;
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
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconstructionGridReporterTest {
    @TempDir
    Path dir;

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void findsTheOneLatentThatTurnsAndResizesTheDigit() throws IOException {
        Path preview = Path.of("target", "figure-previews", "reconstruction-bars");
        TestRunContext context = new TestRunContext(preview.resolve("run"), dir.resolve("cache"), 0);
        context.put(Slots.MODEL, GeneratorFixtures.crossFadingBars());
        ReconstructionGridReporter reporter = new ReconstructionGridReporter();
        reporter.configure(Map.of("gif-frames", "5"));
        new ReportStage().run(reporter, context);

        Map<String, Object> results = context.recorder().results;
        assertEquals(3, results.get("findings.rotation_latent"));
        @SuppressWarnings("unchecked")
        List<Double> rotation = (List<Double>) results.get("findings.rotation_range_deg");
        @SuppressWarnings("unchecked")
        List<Double> scale = (List<Double>) results.get("findings.scale_range");
        double inkAtMinus3 = 40 * sigmoid(-3) + 36 * sigmoid(3);
        double inkAtPlus3 = 40 * sigmoid(3) + 36 * sigmoid(-3);
        for (int i = 0; i < 10; i++) {
            assertEquals(i == 3 ? 90 : 0, rotation.get(i), 1e-3, "rotation of z_" + i);
            assertEquals(i == 3 ? inkAtPlus3 / inkAtMinus3 : 1, scale.get(i), 1e-5, "scale of z_" + i);
        }
        assertEquals("reconstruction-grid.png", results.get("reconstruction.grid"));

        List<String> csv = Files.readAllLines(context.outputDir().resolve("reconstruction-grid.csv"));
        assertEquals(1 + 10 * 7, csv.size());
        String[] z3AtPlus3 = csv.stream().filter(l -> l.startsWith("z_3,3.0,")).findFirst().orElseThrow().split(",");
        assertEquals(inkAtPlus3, Double.parseDouble(z3AtPlus3[2]), 1e-4);
        assertEquals(0, Double.parseDouble(z3AtPlus3[3]), 1e-3, "horizontal bar dominates");
        for (String name : List.of("reconstruction-grid.png", "reconstruction-grid.csv", "reconstruction-z3.gif",
                "reconstruction-orientation.png", "reconstruction-ink.png")) {
            assertTrue(context.recorder().artifacts.containsKey(context.outputDir().resolve(name)), name + " recorded");
        }
        assertEquals(8, gifFrames(context.outputDir().resolve("reconstruction-z3.gif")), "5 frames there, 3 back");
    }

    @Test
    void randomDecoderGivesReadableFiguresAndRepeatsWithTheSameSeed() throws IOException {
        Path preview = Path.of("target", "figure-previews", "reconstruction");
        TestRunContext context = new TestRunContext(preview.resolve("a"), dir.resolve("cache"), 0);
        ConditionalGenerator model = GeneratorFixtures.random(7);
        context.put(Slots.MODEL, model);
        ReconstructionGridReporter reporter = new ReconstructionGridReporter();
        reporter.configure(Map.of("gif-frames", "9"));
        reporter.report(context);

        BufferedImage grid = ImageIO.read(context.outputDir().resolve("reconstruction-grid.png").toFile());
        assertTrue(grid.getWidth() > 10 * 84 && grid.getHeight() > 7 * 84);
        assertEquals(10, ((List<?>) context.recorder().results.get("reconstruction.animations")).size());
        assertEquals(16, gifFrames(context.outputDir().resolve("reconstruction-z0.gif")), "9 frames there, 7 back");

        TestRunContext again = new TestRunContext(dir.resolve("b"), dir.resolve("cache"), 0);
        again.put(Slots.MODEL, model);
        ReconstructionGridReporter fewerFrames = new ReconstructionGridReporter();
        fewerFrames.configure(Map.of("gif-frames", "3", "seed", "0"));
        fewerFrames.report(again);
        assertEquals(Files.readString(context.outputDir().resolve("reconstruction-grid.csv")),
                Files.readString(again.outputDir().resolve("reconstruction-grid.csv")));
        assertEquals(context.recorder().results.get("findings.rotation_range_deg"),
                again.recorder().results.get("findings.rotation_range_deg"));
    }

    @Test
    void sweepDecodesFixedSeededNoiseWithTheLatentSetAndTheTargetOneHot() {
        ConditionalGenerator model = GeneratorFixtures.random(3);
        LatentSweep sweep = new LatentSweep(model, 5, 11);
        float[] base = sweep.baseInput();
        Random random = new Random(11);
        for (int i = 0; i < 10; i++) {
            assertEquals((float) random.nextGaussian(), base[i]);
        }
        for (int k = 0; k < 10; k++) {
            assertEquals(k == 5 ? 1f : 0f, base[10 + k]);
        }
        float[] decoded = sweep.decode(4, new double[] {-2, 1.5});
        float[] manual = base.clone();
        manual[4] = 1.5f;
        float[] expected = model.decoder().forward(manual, 1, Lesion.none()).output();
        assertArrayEquals(expected, sweep.image(decoded, 1));
    }

    @Test
    void badTargetAndMissingModelAreUserErrors() {
        TestRunContext context = new TestRunContext(dir);
        ReconstructionGridReporter reporter = new ReconstructionGridReporter();
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> reporter.report(context));
        assertTrue(missing.getMessage().contains("model"), missing.getMessage());
        context.put(Slots.MODEL, GeneratorFixtures.random(1));
        reporter.configure(Map.of("target", "12"));
        InvalidInputException target = assertThrows(InvalidInputException.class, () -> reporter.report(context));
        assertTrue(target.getMessage().contains("'target'") && target.getMessage().contains("0..9"), target.getMessage());
        assertThrows(InvalidInputException.class, () -> reporter.configure(Map.of("gif-frames", "1")));
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

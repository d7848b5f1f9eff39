package dnnc.plugins.analysis;

import dnnc.api.ConditionalGenerator;
import dnnc.api.ImageShape;
import dnnc.api.InvalidInputException;
import dnnc.api.LatentShapes;
import dnnc.api.Lesion;
import dnnc.api.PluginKind;
import dnnc.api.Slots;
import dnnc.plugins.lesion.LesionSensitivity;
import dnnc.plugins.testing.GeneratorFixtures;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatentShapeAnalysisTest {
    @TempDir
    Path dir;

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Only z_3 moves the cross-fading bars: the digit turns by 90 degrees and its ink area changes by a known ratio. */
    @Test
    void findsTheOneLatentThatTurnsAndResizesTheDigit() {
        TestRunContext context = new TestRunContext(dir, 0);
        context.put(Slots.MODEL, GeneratorFixtures.crossFadingBars());
        LatentShapeAnalysis step = new LatentShapeAnalysis();
        step.configure(Map.of("sweep-images", "5"));

        new AnalysisStage().run(step, context);

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
        LatentShapes shapes = context.get(Slots.LATENT_SHAPES).orElseThrow();
        ImageShape z3AtPlus3 = shapes.latents().get(3).shapes()[6];
        assertEquals(inkAtPlus3, z3AtPlus3.inkArea(), 1e-4);
        assertEquals(0, z3AtPlus3.orientationDeg(), 1e-3, "horizontal bar dominates");
        assertEquals(5, shapes.latents().get(3).sweep().length);
        assertArrayEquals(new double[] {-3, -1.5, 0, 1.5, 3}, shapes.latents().get(3).sweepAlphas(), 1e-12);
        assertArrayEquals(shapes.rotationRangeDeg(), rotation.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void theSameSeedGivesTheSameShapesWhateverTheAnimationsLength() {
        ConditionalGenerator model = GeneratorFixtures.random(7);
        TestRunContext first = new TestRunContext(dir.resolve("a"), 0);
        first.put(Slots.MODEL, model);
        LatentShapeAnalysis nine = new LatentShapeAnalysis();
        nine.configure(Map.of("sweep-images", "9"));
        nine.analyse(first);
        TestRunContext again = new TestRunContext(dir.resolve("b"), 0);
        again.put(Slots.MODEL, model);
        LatentShapeAnalysis three = new LatentShapeAnalysis();
        three.configure(Map.of("sweep-images", "3", "seed", "0"));
        three.analyse(again);
        assertEquals(first.recorder().results.get("findings.rotation_range_deg"), again.recorder().results.get("findings.rotation_range_deg"));
        assertEquals(first.recorder().results.get("findings.scale_range"), again.recorder().results.get("findings.scale_range"));
        assertArrayEquals(first.get(Slots.LATENT_SHAPES).orElseThrow().latents().get(4).images()[2],
                again.get(Slots.LATENT_SHAPES).orElseThrow().latents().get(4).images()[2]);
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
        LatentShapeAnalysis step = new LatentShapeAnalysis();
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> step.analyse(context));
        assertTrue(missing.getMessage().contains("model"), missing.getMessage());
        context.put(Slots.MODEL, GeneratorFixtures.random(1));
        step.configure(Map.of("target", "12"));
        InvalidInputException target = assertThrows(InvalidInputException.class, () -> step.analyse(context));
        assertTrue(target.getMessage().contains("'target'") && target.getMessage().contains("0..9"), target.getMessage());
        assertThrows(InvalidInputException.class, () -> step.configure(Map.of("sweep-images", "1")));
    }

    @Test
    void providerListsTheAnalysesAndTheirStage() {
        AnalysisPlugins provider = new AnalysisPlugins();
        assertEquals(List.of(LatentShapeAnalysis.class, StrokeShareAnalysis.class, LesionSensitivity.class), provider.plugins());
        assertEquals("latent-shapes", new LatentShapeAnalysis().name());
        assertEquals(List.of(AnalysisStage.class), provider.stages());
        assertEquals(PluginKind.ANALYSIS, new AnalysisStage().kind());
    }
}

package dnnc.plugins.analysis;

import dnnc.api.AttributionResult;
import dnnc.api.ConditionalGenerator;
import dnnc.api.EffectSummary;
import dnnc.api.InvalidInputException;
import dnnc.api.Slots;
import dnnc.api.StrokeShare;
import dnnc.plugins.testing.GeneratorFixtures;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrokeShareAnalysisTest {
    /** The cross-fading bars draw the horizontal bar (40 pixels) at z_3 = +2 and the vertical one (36) at -2. */
    @Test
    void sharesOfPositiveAceOnTheStrokesOfEachAlphasDigit() {
        ConditionalGenerator model = GeneratorFixtures.crossFadingBars();
        AttributionResult result = GeneratorFixtures.barsAttribution(model);

        StrokeShare share = StrokeShareAnalysis.of(model, result, 3, 5, 7, 1L).orElseThrow();

        double massMinus = 36 * 0.38;
        double massPlus = 40 * 0.38 + 0.1;
        assertEquals(1.0, share.sharePerAlpha()[0], 1e-12);
        assertEquals(40 * 0.38 / massPlus, share.sharePerAlpha()[1], 1e-12);
        assertEquals(36.0 / 784, share.strokeFraction()[0], 1e-15);
        assertEquals(40.0 / 784, share.strokeFraction()[1], 1e-15);
        assertEquals((massMinus + 40 * 0.38) / (massMinus + massPlus), share.pooledShare(), 1e-12);
        assertEquals((massMinus * 36 / 784.0 + massPlus * 40 / 784.0) / (massMinus + massPlus), share.chance(), 1e-12);
        assertTrue(StrokeShareAnalysis.of(model, result, 4, 5, 7, 1L).isEmpty(), "no ACE of z_4 was given");
    }

    @Test
    void theStepRecordsTheStudiedLatentsSharesAndLeavesThemForTheReport(@TempDir Path dir) {
        ConditionalGenerator model = GeneratorFixtures.crossFadingBars();
        TestRunContext context = new TestRunContext(dir, 1L);
        context.put(Slots.MODEL, model);
        context.put(Slots.ATTRIBUTION, GeneratorFixtures.barsAttribution(model));
        context.put(Slots.EFFECT_SUMMARY, new EffectSummary(3, Map.of(), 3));
        StrokeShareAnalysis step = new StrokeShareAnalysis();
        step.configure(Map.of("draws", "7", "seed", "1"));

        new AnalysisStage().run(step, context);

        StrokeShare left = context.get(Slots.STROKE_SHARE).orElseThrow();
        StrokeShare direct = StrokeShareAnalysis.of(model, GeneratorFixtures.barsAttribution(model), 3, 5, 7, 1L).orElseThrow();
        assertEquals(direct.pooledShare(), left.pooledShare());
        @SuppressWarnings("unchecked")
        Map<String, Object> recorded = (Map<String, Object>) context.recorder().results.get("findings.ace_on_strokes");
        assertEquals(3, recorded.get("latent"));
        assertEquals(direct.pooledShare(), recorded.get("share"));
        assertEquals(Map.of("-2", 1.0, "2", direct.sharePerAlpha()[1]), recorded.get("per_alpha"));
    }

    @Test
    void withoutAStudiedLatentNothingIsLeftAndWithoutTheAttributionTheUserIsTold(@TempDir Path dir) {
        TestRunContext context = new TestRunContext(dir, 1L);
        context.put(Slots.MODEL, GeneratorFixtures.crossFadingBars());
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> new StrokeShareAnalysis().analyse(context));
        assertTrue(missing.getMessage().contains("attribution"), missing.getMessage());
        context.put(Slots.ATTRIBUTION, GeneratorFixtures.barsAttribution(GeneratorFixtures.crossFadingBars()));
        new StrokeShareAnalysis().analyse(context);
        assertTrue(context.get(Slots.STROKE_SHARE).isEmpty());
        assertFalse(context.recorder().results.containsKey("findings.ace_on_strokes"));
    }
}

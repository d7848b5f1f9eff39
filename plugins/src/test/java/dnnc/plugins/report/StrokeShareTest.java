package dnnc.plugins.report;

import dnnc.api.AttributionResult;
import dnnc.api.ConditionalGenerator;
import dnnc.api.InputEffect;
import dnnc.api.NeuronLayout;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrokeShareTest {
    private static final int SIDE = GeneratorFixtures.SIDE;

    static boolean horizontal(int r, int c) {
        return r >= 13 && r <= 14 && c >= 4 && c <= 23;
    }

    static boolean vertical(int r, int c) {
        return c >= 13 && c <= 14 && r >= 4 && r <= 23 && !horizontal(r, c);
    }

    /**
     * The cross-fading bars draw the horizontal bar at z_3 = +2 and the vertical one at -2 (sigmoid(+-2) straddles
     * 0.5), so those are the strokes. Hand-made ACE: +0.38 on the bar that is lit, -0.38 on the other, and +0.1 on one
     * background pixel at alpha +2 (off the strokes).
     */
    /**
     * ACE of z_3 over alphas {-2, 2} on the cross-fading bars: +0.38 on the bar that is lit, -0.38 on the other, and
     * +0.1 on one background pixel at alpha +2 (off the strokes).
     */
    static AttributionResult barsAttribution(ConditionalGenerator model) {
        NeuronLayout layout = model.decoder().layout();
        int offset = layout.offset(1);
        double[][] ace = new double[2][layout.total()];
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                int g = offset + r * SIDE + c;
                if (horizontal(r, c)) {
                    ace[0][g] = -0.38;
                    ace[1][g] = 0.38;
                } else if (vertical(r, c)) {
                    ace[0][g] = 0.38;
                    ace[1][g] = -0.38;
                }
            }
        }
        ace[1][offset] = 0.1;
        return new AttributionResult("hand", layout, List.of(new InputEffect(3, new double[] {-2, 2}, ace, null)), null, Map.of());
    }

    /** The cross-fading bars draw the horizontal bar (40 pixels) at z_3 = +2 and the vertical one (36) at -2. */
    @Test
    void sharesOfPositiveAceOnTheStrokesOfEachAlphasDigit() {
        ConditionalGenerator model = GeneratorFixtures.crossFadingBars();
        AttributionResult result = barsAttribution(model);

        StrokeShare share = StrokeShare.of(model, result, 3, 5, 7, 1L).orElseThrow();

        double massMinus = 36 * 0.38;
        double massPlus = 40 * 0.38 + 0.1;
        assertEquals(1.0, share.sharePerAlpha()[0], 1e-12);
        assertEquals(40 * 0.38 / massPlus, share.sharePerAlpha()[1], 1e-12);
        assertEquals(36.0 / 784, share.strokeFraction()[0], 1e-15);
        assertEquals(40.0 / 784, share.strokeFraction()[1], 1e-15);
        assertEquals((massMinus + 40 * 0.38) / (massMinus + massPlus), share.pooledShare(), 1e-12);
        assertEquals((massMinus * 36 / 784.0 + massPlus * 40 / 784.0) / (massMinus + massPlus), share.chance(), 1e-12);
        assertTrue(StrokeShare.of(model, result, 4, 5, 7, 1L).isEmpty(), "no ACE of z_4 was given");
    }
}

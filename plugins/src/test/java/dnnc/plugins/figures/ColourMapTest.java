package dnnc.plugins.figures;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColourMapTest {
    @Test
    void divergingScaleMapsZeroToWhiteAndSignsToBlueAndRed() {
        ColourScale scale = ColourScale.spanning(ColourMap.diverging(), List.of(new float[] {-0.2f, 0.7f, 0.1f}));
        assertEquals(0xffffff, scale.rgb(0.0));
        int negative = scale.rgb(-0.7);
        int positive = scale.rgb(0.7);
        assertTrue((negative & 0xff) > (negative >> 16), "negative end is blue");
        assertTrue((positive >> 16) > (positive & 0xff), "positive end is red");
    }

    @Test
    void divergingLimitsAreSymmetricAroundZeroFromTheLargestMagnitude() {
        ColourScale scale = ColourScale.spanning(ColourMap.diverging(), List.of(new float[] {-0.2f, 0.1f}, new float[] {0.7f}));
        assertEquals(-0.7, scale.min(), 1e-7);
        assertEquals(0.7, scale.max(), 1e-7);
    }

    @Test
    void allZeroDataStillGivesAValidWhiteScale() {
        ColourScale scale = ColourScale.spanning(ColourMap.diverging(), List.of(new float[] {0f, 0f}));
        assertTrue(scale.max() > 0);
        assertEquals(0xffffff, scale.rgb(0));
    }

    @Test
    void sequentialScaleSpansDataMinToMax() {
        ColourScale scale = ColourScale.spanning(ColourMap.sequential(), List.of(new float[] {2f, 5f, 3f}));
        assertEquals(2, scale.min());
        assertEquals(5, scale.max());
        assertEquals(0x440154, scale.rgb(2));
        assertEquals(0xfde725, scale.rgb(5));
    }

    @Test
    void greyscaleGoesFromBlackToWhiteThroughMidGrey() {
        ColourMap grey = ColourMap.greyscale();
        assertEquals(0x000000, grey.rgb(0));
        assertEquals(0xffffff, grey.rgb(1));
        int mid = grey.rgb(0.5);
        assertEquals(mid & 0xff, (mid >> 8) & 0xff);
        assertTrue(Math.abs((mid & 0xff) - 128) <= 1);
    }

    @Test
    void valuesBeyondTheLimitsTakeTheEndColours() {
        ColourScale scale = new ColourScale(ColourMap.greyscale(), 0, 1);
        assertEquals(0x000000, scale.rgb(-5));
        assertEquals(0xffffff, scale.rgb(7));
    }
}

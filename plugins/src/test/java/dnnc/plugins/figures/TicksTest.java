package dnnc.plugins.figures;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TicksTest {
    @Test
    void linearTicksUseNiceStepsInsideTheRange() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, Ticks.linear(0, 1, 5), 1e-12);
        assertArrayEquals(new double[] {-0.5, -0.25, 0, 0.25, 0.5}, Ticks.linear(-0.7, 0.7, 5), 1e-12);
    }

    @Test
    void symmetricTicksIncludeExactZero() {
        double[] ticks = Ticks.linear(-0.37, 0.37, 5);
        boolean hasZero = false;
        for (double t : ticks) {
            hasZero |= t == 0.0;
        }
        assertEquals(true, hasZero);
    }

    @Test
    void logTicksArePowersOfTen() {
        assertArrayEquals(new double[] {0.01, 0.1, 1, 10}, Ticks.log10(0.005, 20), 1e-12);
    }

    @Test
    void labelsAreShort() {
        assertEquals("0", Ticks.label(0));
        assertEquals("3", Ticks.label(3.0));
        assertEquals("-0.25", Ticks.label(-0.25));
        assertEquals("0.2", Ticks.label(0.2000000001));
        assertEquals("1.0e-4", Ticks.label(1e-4));
        assertEquals("2.5e6", Ticks.label(2.5e6));
    }
}

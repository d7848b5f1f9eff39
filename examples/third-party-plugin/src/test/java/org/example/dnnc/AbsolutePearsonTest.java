package org.example.dnnc;

import dnnc.api.Matrix;
import dnnc.api.SimilarityResult;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AbsolutePearsonTest {
    /** Columns: x, -2x (r = -1), a constant (left out), and y with r(x, y) = 0.6 worked by hand. */
    private static final Matrix SAMPLES = new Matrix(4, 4, new double[]{
            1, -2, 7, 2,
            2, -4, 7, 1,
            3, -6, 7, 4,
            4, -8, 7, 3});

    @Test
    void oppositeNeuronsAreAlikeAndTheConstantOneIsLeftOut() {
        SimilarityResult result = new AbsolutePearson().similarity(SAMPLES);
        assertArrayEquals(new int[]{0, 1, 3}, result.kept());
        assertEquals(4, result.variables());
        assertEquals(1, result.matrix().get(0, 1), 1e-12);
        assertEquals(0.6, result.matrix().get(0, 2), 1e-12); // r = sum(dx dy)/sqrt(5 * 5) = 3/5
        assertEquals(1, result.matrix().get(2, 2));
    }

    @Test
    void thePowerParameterIsDeclaredOnceAndSharpensTies() {
        AbsolutePearson measure = new AbsolutePearson();
        assertEquals("abs-pearson", measure.name());
        assertEquals(Map.of("power", "1"), measure.parameterValues());
        measure.configure(Map.of("power", "2"));
        assertEquals(0.36, measure.similarity(SAMPLES).matrix().get(0, 2), 1e-12);
    }
}

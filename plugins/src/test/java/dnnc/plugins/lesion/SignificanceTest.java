package dnnc.plugins.lesion;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SignificanceTest {
    @Test
    void monteCarloPValueCountsTiesAndTheObservedLesion() {
        assertEquals(3.0 / 6.0, Significance.pValue(0.5, new double[] {0.1, 0.5, 0.9, 0.2, 0.3}), 0);
        assertEquals(1.0 / 6.0, Significance.pValue(1.0, new double[] {0.1, 0.5, 0.9, 0.2, 0.3}), 0);
    }

    @Test
    void holmMatchesRsPAdjust() {
        // p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
                Significance.holm(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-15);
        assertArrayEquals(new double[] {1.0, 1.0}, Significance.holm(new double[] {0.7, 0.9}), 0);
    }

    @Test
    void quantileInterpolatesLikeNumpy() {
        // numpy.quantile([1, 2, 3, 4, 10], 0.95) = 8.8
        assertEquals(8.8, Significance.quantile(new double[] {4, 1, 10, 3, 2}, 0.95), 1e-12);
    }

    @Test
    void failureRateOfAGradedCriterionUsesTheRandomLesionsQuantile() {
        double[] observed = {0.1, 5, 6, 0.2};
        List<double[]> random = List.of(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 5});
        // pooled quantile 0.75 of {1,1,2,2,3,3,4,4,5,5} = 4.25: two of four reconstructions exceed it
        assertEquals(0.5, Significance.failureRate(false, observed, random, 0.25), 0);
        assertEquals(LesionScorer.mean(observed), Significance.failureRate(true, observed, random, 0.25), 0);
    }
}

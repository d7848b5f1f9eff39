package dnnc.plugins.similarity;

import dnnc.api.Matrix;
import dnnc.api.SimilarityResult;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Knight's algorithm against SciPy on tie-heavy columns, and against counting every pair of samples. */
class KendallSimilarityTest {

    @Test
    void equalsScipyKendalltauOnTieHeavyColumns() {
        Matrix x = Fixtures.matrix("kendall_ties_X.csv");
        Matrix expected = Fixtures.matrix("kendall_ties_tau.csv");
        SimilarityResult r = new KendallSimilarity().similarity(x);
        assertEquals(x.cols(), r.kept().length);
        assertEquals(0.0, worstDeviation(expected.values(), r.matrix().values()), 1e-12);
        assertEquals(-1.0, r.matrix().get(0, 4), "a column and its negation (with -0.0 against 0.0) are exactly anti-ordered");
    }

    @Test
    void equalsPairCountingForAnyTies() {
        Random random = new Random(18);
        for (int trial = 0; trial < 200; trial++) {
            int samples = 2 + random.nextInt(300); // up to five 64-bit words of visited samples
            int levels = 1 + random.nextInt(samples + 1); // from all tied to almost all distinct
            double[] x = new double[samples];
            double[] y = new double[samples];
            for (int s = 0; s < samples; s++) {
                x[s] = random.nextInt(levels);
                y[s] = random.nextBoolean() ? x[s] : random.nextInt(levels);
            }
            double expected = byPairs(x, y);
            if (Double.isNaN(expected)) {
                continue; // a constant column: the plugin leaves it out
            }
            RankedColumn rx = RankedColumn.of(x);
            double tau = KendallSimilarity.tauB(rx, RankedColumn.of(y), new KendallSimilarity.PairScratch(samples));
            assertEquals(expected, tau, 1e-12, "trial " + trial + ", " + samples + " samples, " + levels + " levels");
        }
    }

    /** The definition: concordant minus discordant pairs over sqrt of the untied pairs in x and in y. */
    private static double byPairs(double[] x, double[] y) {
        long balance = 0;
        long untiedX = 0;
        long untiedY = 0;
        for (int s = 0; s < x.length; s++) {
            for (int t = s + 1; t < x.length; t++) {
                balance += (long) Integer.signum(Double.compare(x[s], x[t])) * Integer.signum(Double.compare(y[s], y[t]));
                untiedX += x[s] != x[t] ? 1 : 0;
                untiedY += y[s] != y[t] ? 1 : 0;
            }
        }
        return untiedX == 0 || untiedY == 0 ? Double.NaN : balance / Math.sqrt((double) untiedX * untiedY);
    }

    private static double worstDeviation(double[] expected, double[] actual) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        return worst;
    }
}

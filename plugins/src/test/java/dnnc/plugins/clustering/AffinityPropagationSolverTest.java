package dnnc.plugins.clustering;

import dnnc.api.Matrix;
import dnnc.plugins.similarity.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against scikit-learn 1.2.1 runs exported by make_fixtures.py: labels, iterations, A and R bit for bit. */
class AffinityPropagationSolverTest {

    @ParameterizedTest
    @ValueSource(strings = {"n39_median", "n60_median", "n60_pref_m1", "n60_pref_m1_d09", "n39_nonconverged", "n39_no_exemplar"})
    void equalsScikitLearnBitForBit(String name) {
        Matrix s = Fixtures.matrix("ap_" + name + "_S.csv");
        double[] meta = Fixtures.vector("ap_" + name + "_meta.csv");
        AffinityPropagationSolver.Run run = new AffinityPropagationSolver(meta[1], (int) meta[2], 15)
                .solve(s.values(), s.rows(), meta[0], (long) meta[3]);
        assertEquals((int) meta[4], run.iterations(), "n_iter");
        assertEquals(meta[5] == 1, run.converged(), "converged");
        assertArrayEquals(Fixtures.ints("ap_" + name + "_labels.csv"), run.labels(), "labels");
        assertEquals((int) meta[6], run.clusterCount());
        assertArrayEquals(Fixtures.vector("ap_" + name + "_A.csv"), run.a(), "A");
        assertArrayEquals(Fixtures.vector("ap_" + name + "_R.csv"), run.r(), "R");
        assertEquals(run.converged(), run.warnings().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"flat_high", "flat_low"})
    void degenerateEqualSimilaritiesFollowScikitLearn(String name) {
        Matrix s = Fixtures.matrix("ap_" + name + "_S.csv");
        double[] meta = Fixtures.vector("ap_" + name + "_meta.csv");
        AffinityPropagationSolver.Run run = new AffinityPropagationSolver(0.5, 200, 15).solve(s.values(), s.rows(), meta[0], 0);
        assertArrayEquals(Fixtures.ints("ap_" + name + "_labels.csv"), run.labels());
        assertEquals(0, run.iterations());
        assertEquals(1, run.warnings().size());
        assertNull(run.a());
    }

    @ParameterizedTest
    @ValueSource(strings = {"n39_median", "n60_median", "n39_nonconverged"})
    void twoThreadsGiveTheSameBitsAsOne(String name) {
        Matrix s = Fixtures.matrix("ap_" + name + "_S.csv");
        double[] meta = Fixtures.vector("ap_" + name + "_meta.csv");
        AffinityPropagationSolver.Run two = new AffinityPropagationSolver(meta[1], (int) meta[2], 15, 1)
                .solve(s.values(), s.rows(), meta[0], (long) meta[3]);
        assertArrayEquals(Fixtures.vector("ap_" + name + "_A.csv"), two.a(), "A");
        assertArrayEquals(Fixtures.vector("ap_" + name + "_R.csv"), two.r(), "R");
        assertArrayEquals(Fixtures.ints("ap_" + name + "_labels.csv"), two.labels(), "labels");
    }

    /** A sweep draws the noise once and rewrites the diagonal per preference: each run as if drawn afresh. */
    @Test
    void noiseDrawnOnceServesEveryPreferenceInAnyOrder() {
        Matrix s = Fixtures.matrix("ap_n39_median_S.csv");
        double median = Fixtures.vector("ap_n39_median_meta.csv")[0];
        NoisySimilarity shared = new NoisySimilarity(s.values(), s.rows(), 7);
        for (double preference : new double[] {median, -1, 3 * median, median, -0.25}) {
            AffinityPropagationSolver.Run run = new AffinityPropagationSolver(0.7, 200, 15).solve(shared, preference);
            ScalarAffinityPropagation.Result expected = ScalarAffinityPropagation.run(s.values(), s.rows(), preference, 7, 0.7, 200, 15);
            assertEquals(expected.iterations(), run.iterations(), "preference " + preference);
            assertArrayEquals(expected.a(), run.a(), "A at preference " + preference);
            assertArrayEquals(expected.r(), run.r(), "R at preference " + preference);
            assertArrayEquals(expected.labels(), run.labels(), "labels at preference " + preference);
        }
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(Fixtures.vector("ap_n39_median_meta.csv")[0], AffinityPropagationSolver.median(Fixtures.vector("ap_n39_median_S.csv")));
        assertEquals(Fixtures.vector("ap_n60_median_meta.csv")[0], AffinityPropagationSolver.median(Fixtures.vector("ap_n60_median_S.csv")));
    }

    @Test
    void legacyGaussianStreamEqualsNumpyWithinOneUlp() {
        for (long seed : new long[] {0, 12345}) {
            double[] expected = Fixtures.vector("randomstate_" + seed + "_normals.csv");
            LegacyRandomState random = new LegacyRandomState(seed);
            double[] actual = new double[expected.length];
            for (int i = 0; i < actual.length; i++) {
                actual[i] = random.standardNormal();
            }
            int exact = 0;
            for (int i = 0; i < actual.length; i++) {
                assertEquals(expected[i], actual[i], Math.ulp(expected[i]), "seed " + seed + " value " + i);
                exact += expected[i] == actual[i] ? 1 : 0;
            }
            assertTrue(exact >= actual.length - 5, exact + " of " + actual.length + " bit-identical");
        }
    }
}

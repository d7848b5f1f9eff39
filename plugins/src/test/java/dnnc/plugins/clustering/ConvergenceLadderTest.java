package dnnc.plugins.clustering;

import dnnc.api.Clustering;
import dnnc.api.Matrix;
import dnnc.api.Progress;
import dnnc.plugins.similarity.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The convergence ladder against scikit-learn 1.2.1 (make_fixtures.py): on a matrix where damping 0.5 oscillates
 * for 200 iterations, the next rung (damping 0.7, 1,000 iterations) converges, and its result is scikit-learn's for
 * those settings, A and R bit for bit.
 */
class ConvergenceLadderTest {
    private static final Matrix OSCILLATING = Fixtures.matrix("ap_n39_nonconverged_S.csv");

    @Test
    void climbsToTheFirstRungThatConvergesAndEqualsScikitLearnThere() {
        NoisySimilarity s = new NoisySimilarity(OSCILLATING.values(), OSCILLATING.rows(), 0);
        ConvergenceLadder.Fit fit = new ConvergenceLadder(0.5, 200, 15).fit(s, -30, AffinityPropagationSolver.median(OSCILLATING.values()));
        assertTrue(fit.succeeded());
        assertEquals(List.of(new ConvergenceLadder.Rung(0.5, 200), new ConvergenceLadder.Rung(0.7, 1000)), fit.tried());
        double[] meta = Fixtures.vector("ap_n39_nonconverged_d07_meta.csv");
        assertEquals(meta[1], fit.rung().damping());
        assertEquals((int) meta[2], fit.rung().maxIter());
        assertEquals((int) meta[4], fit.run().iterations(), "n_iter");
        assertArrayEquals(Fixtures.ints("ap_n39_nonconverged_d07_labels.csv"), fit.run().labels());
        assertArrayEquals(Fixtures.vector("ap_n39_nonconverged_d07_A.csv"), fit.run().a(), "A");
        assertArrayEquals(Fixtures.vector("ap_n39_nonconverged_d07_R.csv"), fit.run().r(), "R");
    }

    @Test
    void rungsStartAtTheConfiguredFitAndNeverLowerDampingOrIterations() {
        assertEquals(List.of(new ConvergenceLadder.Rung(0.5, 200), new ConvergenceLadder.Rung(0.7, 1000),
                new ConvergenceLadder.Rung(0.9, 1000), new ConvergenceLadder.Rung(0.95, 2000)), new ConvergenceLadder(0.5, 200, 15).rungs());
        assertEquals(List.of(new ConvergenceLadder.Rung(0.8, 5000), new ConvergenceLadder.Rung(0.9, 5000),
                new ConvergenceLadder.Rung(0.95, 5000)), new ConvergenceLadder(0.8, 5000, 15).rungs());
        assertEquals(1, new ConvergenceLadder(0.5, 200, 15, 1, false).rungs().size());
        assertEquals(List.of(new ConvergenceLadder.Rung(0.9, 1000), new ConvergenceLadder.Rung(0.95, 2000)),
                new ConvergenceLadder(0.5, 200, 15).from(0.9).rungs(), "from a damping: the rungs below it dropped, the others as they were");
        assertEquals(List.of(new ConvergenceLadder.Rung(0.95, 200)), new ConvergenceLadder(0.5, 200, 15).capped().from(0.95).rungs());
    }

    @Test
    void thePluginClimbsTheLadderAndSaysHow() {
        AffinityPropagation ap = new AffinityPropagation();
        ap.configure(Map.of("preference", "-30"));
        Clustering c = ap.cluster(OSCILLATING, 0, Progress.silent());
        assertTrue(c.converged());
        assertArrayEquals(Fixtures.ints("ap_n39_nonconverged_d07_labels.csv"), c.labels());
        assertEquals(Map.of("damping", 0.7, "max_iter", 1000, "fits", 2), c.facts());

        ap.configure(Map.of("retry", "false"));
        Clustering single = ap.cluster(OSCILLATING, 0, Progress.silent());
        assertFalse(single.converged(), "retry=false keeps scikit-learn's single fit, not converged");
    }

    @Test
    void aKindSettlesOnTheFirstDampingAtWhichItsRepresentativeConvergesWithinTheFirstRungsLimit() {
        PreferenceSweeper.Problem problem = PreferenceSweeper.Problem.of(OSCILLATING.values(), OSCILLATING.rows(), 0);
        double[] meta = Fixtures.vector("ap_n39_nonconverged_d07_meta.csv");
        int iterationsAt07 = (int) meta[4]; // scikit-learn's count at damping 0.7 (0.5 oscillates)

        ConvergenceLadder.Fit prompt = sweeperWithLimit(iterationsAt07).settle(problem, -30);
        assertEquals(new ConvergenceLadder.Rung(0.7, 1000), prompt.rung(), "0.7 converges within the limit: settled there, "
                + "with that damping's own limit on the full ladder");
        assertEquals(List.of(new ConvergenceLadder.Rung(0.5, iterationsAt07), new ConvergenceLadder.Rung(0.7, 1000)), prompt.tried());

        ConvergenceLadder.Fit full = sweeperWithLimit(15).settle(problem, -30);
        assertEquals(new ConvergenceLadder.Rung(0.7, 1000), full.rung(), "nothing converges within 15 iterations (convergence "
                + "needs 16): the full ladder decides, as for any fit");
        assertEquals(iterationsAt07, full.run().iterations());
    }

    @Test
    void aKindDoesNotSettleOnADampingAtWhichItsRepresentativeConvergesOnlyAfterLongOscillation() {
        double[] s = cosineOfTwoBlobs(150, 20, 0);
        PreferenceSweeper.Problem problem = PreferenceSweeper.Problem.of(s, 150, 0);
        ConvergenceLadder.Fit climbed = new ConvergenceLadder(0.5, 200, 15).fit(problem.similarity(), -100, problem.median());
        assertEquals(new ConvergenceLadder.Rung(0.7, 1000), climbed.rung(), "the plain ladder stops at 0.7");
        assertTrue(climbed.run().iterations() > 200, "after " + climbed.run().iterations() + " iterations");

        ConvergenceLadder.Fit settled = sweeperWithLimit(200).settle(problem, -100);
        assertEquals(new ConvergenceLadder.Rung(0.9, 1000), settled.rung());
        assertTrue(settled.run().iterations() <= 200, "converges within the first rung's limit there: " + settled.run().iterations());
        assertEquals(3, settled.tried().size());
    }

    /** Cosine similarities of n points in d dimensions drawn around two centres (java.util.Random, so any JVM draws the same). */
    private static double[] cosineOfTwoBlobs(int n, int d, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[][] centres = new double[2][d];
        for (double[] centre : centres) {
            for (int j = 0; j < d; j++) {
                centre[j] = random.nextGaussian();
            }
        }
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            double spread = 0.5 + random.nextDouble();
            for (int j = 0; j < d; j++) {
                x[i][j] = centres[i % 2][j] + random.nextGaussian() * spread;
            }
        }
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double dot = 0;
                double normI = 0;
                double normK = 0;
                for (int j = 0; j < d; j++) {
                    dot += x[i][j] * x[k][j];
                    normI += x[i][j] * x[i][j];
                    normK += x[k][j] * x[k][j];
                }
                s[i * n + k] = dot / Math.sqrt(normI * normK);
            }
        }
        return s;
    }

    private static PreferenceSweeper sweeperWithLimit(int maxIter) {
        return new PreferenceSweeper(new ConvergenceLadder(0.5, maxIter, 15), 20, 0.1, 2);
    }

    @Test
    void aFitStartedFromItsOwnConvergedMessagesStaysThereAndStopsAtTheFirstChance() {
        NoisySimilarity s = new NoisySimilarity(OSCILLATING.values(), OSCILLATING.rows(), 0);
        double median = AffinityPropagationSolver.median(OSCILLATING.values());
        ConvergenceLadder ladder = new ConvergenceLadder(0.7, 1000, 15);
        ConvergenceLadder.Fit cold = ladder.fit(s, -30, median);
        ConvergenceLadder.Fit warm = ladder.fit(s, -30, median, cold.run());
        assertTrue(warm.succeeded());
        assertArrayEquals(cold.run().labels(), warm.run().labels());
        assertEquals(16, warm.run().iterations(), "a fixed point: the exemplars hold from the first iteration, "
                + "so convergence is declared after convergence_iter + 1 (cold: " + cold.run().iterations() + ")");
    }

    @Test
    void theStudysGranularityIsFoundPerMatrixByBisection() {
        AffinityPropagation ap = new AffinityPropagation();
        ap.configure(Map.of("preference", "study"));
        for (int blocks : new int[] {3, 8, 20}) {
            Clustering c = ap.cluster(BlockSimilarity.of(80, blocks, 5), 0, Progress.silent());
            assertTrue(c.converged(), blocks + " blocks");
            assertTrue(c.clusterCount() >= 5 && c.clusterCount() <= 11, blocks + " blocks gave " + c.clusterCount() + " clusters");
            assertTrue(c.facts().get("preference") instanceof Double, c.facts().toString());
        }
        assertTrue(BlockSimilarity.recovers(ap.cluster(BlockSimilarity.of(80, 8, 5), 0, Progress.silent()).labels(), 8),
                "with 8 real groups, the 8 are found");
    }
}

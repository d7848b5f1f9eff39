package dnnc.plugins.clustering;

import dnnc.api.Clustering;
import dnnc.api.Matrix;
import dnnc.api.Progress;
import dnnc.plugins.similarity.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** precision=float32: the same iterations as float64 within float32 rounding, and the same bits on one or two threads. */
class SinglePrecisionAffinityPropagationTest {

    /** After a fixed number of iterations A and R agree with float64's to float32 rounding, grown over the iterations. */
    @ParameterizedTest
    @ValueSource(strings = {"n39_median", "n60_median", "n60_pref_m1_d09"})
    void messagesFollowFloat64WithinSinglePrecisionRounding(String name) {
        Matrix s = Fixtures.matrix("ap_" + name + "_S.csv");
        double[] meta = Fixtures.vector("ap_" + name + "_meta.csv");
        for (int iterations : new int[] {1, 5, 20}) {
            AffinityPropagationSolver solver = new AffinityPropagationSolver(meta[1], iterations, 15);
            AffinityPropagationSolver.Run wide = solver.solve(s.values(), s.rows(), meta[0], (long) meta[3]);
            AffinityPropagationSolver.Run single = solver.inFloat32().solve(s.values(), s.rows(), meta[0], (long) meta[3]);
            double scale = 0;
            double largestDifference = 0;
            for (int k = 0; k < wide.a().length; k++) {
                scale = Math.max(scale, Math.max(Math.abs(wide.a()[k]), Math.abs(wide.r()[k])));
                largestDifference = Math.max(largestDifference, Math.max(Math.abs(wide.a()[k] - single.a()[k]),
                        Math.abs(wide.r()[k] - single.r()[k])));
            }
            // each iteration adds a few float32 roundings (2^-24 relative) of values up to the scale
            assertTrue(largestDifference <= 4 * iterations * scale * Math.ulp(1f), name + " after " + iterations
                    + " iterations: largest difference " + largestDifference + " at scale " + scale);
            assertTrue(largestDifference > 0, "float32 rounds differently from float64 somewhere");
        }
    }

    /** scikit-learn's runs exported by make_fixtures.py: their exemplars are far apart enough for float32 to find the same. */
    @ParameterizedTest
    @ValueSource(strings = {"n39_median", "n60_median", "n60_pref_m1", "n60_pref_m1_d09"})
    void convergedFixturesGiveScikitLearnsLabels(String name) {
        Matrix s = Fixtures.matrix("ap_" + name + "_S.csv");
        double[] meta = Fixtures.vector("ap_" + name + "_meta.csv");
        AffinityPropagationSolver.Run run = new AffinityPropagationSolver(meta[1], (int) meta[2], 15).inFloat32()
                .solve(s.values(), s.rows(), meta[0], (long) meta[3]);
        assertTrue(run.converged());
        assertArrayEquals(Fixtures.ints("ap_" + name + "_labels.csv"), run.labels(), "labels");
    }

    @Test
    void twoThreadsGiveTheSameBitsAsOne() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n : new int[] {2, 7, 33, 203}) {
            double[] s = new double[n * n];
            for (int k = 0; k < s.length; k++) {
                s[k] = Math.rint(4 * random.nextGaussian()) / 4; // coarse: ties within and across SIMD vectors
            }
            AffinityPropagationSolver.Run one = new AffinityPropagationSolver(0.5, 100, 15, Integer.MAX_VALUE).inFloat32().solve(s, n, -1, 3);
            AffinityPropagationSolver.Run two = new AffinityPropagationSolver(0.5, 100, 15, 1).inFloat32().solve(s, n, -1, 3);
            assertEquals(one.iterations(), two.iterations(), "n=" + n);
            assertArrayEquals(one.a(), two.a(), "n=" + n + ": A");
            assertArrayEquals(one.r(), two.r(), "n=" + n + ": R");
            assertArrayEquals(one.labels(), two.labels(), "n=" + n + ": labels");
        }
    }

    @Test
    void pluginParameterSelectsFloat32AndFindsTheBlocks() {
        Matrix s = BlockSimilarity.of(90, 3, 11);
        AffinityPropagation single = new AffinityPropagation();
        single.configure(Map.of("precision", "float32"));
        Clustering clustering = single.cluster(s, 0, Progress.silent());
        AffinityPropagation wide = new AffinityPropagation();
        assertArrayEquals(wide.cluster(s, 0, Progress.silent()).labels(), clustering.labels());
        assertTrue(clustering.converged());
    }
}

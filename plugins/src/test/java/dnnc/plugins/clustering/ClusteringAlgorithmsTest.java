package dnnc.plugins.clustering;

import dnnc.api.Clustering;
import dnnc.api.InvalidInputException;
import dnnc.api.Matrix;
import dnnc.api.Progress;
import dnnc.plugins.similarity.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusteringAlgorithmsTest {
    private static final Matrix BLOCKS = BlockSimilarity.of(45, 3, 11);

    @Test
    void kmeansRecoversBlocks() {
        KMeans kmeans = new KMeans();
        kmeans.configure(Map.of("k", "3"));
        Clustering c = kmeans.cluster(BLOCKS, 5, Progress.silent());
        assertEquals(3, c.clusterCount());
        assertTrue(BlockSimilarity.recovers(c.labels(), 3));
        assertArrayEquals(c.labels(), kmeans.cluster(BLOCKS, 5, Progress.silent()).labels(), "same seed, same labels");
    }

    @Test
    void spectralRecoversBlocks() {
        Spectral spectral = new Spectral();
        spectral.configure(Map.of("k", "3"));
        Clustering c = spectral.cluster(BLOCKS, 5, Progress.silent());
        assertTrue(BlockSimilarity.recovers(c.labels(), 3));
    }

    @Test
    void agglomerativeEqualsScipyAverageLinkage() {
        Matrix s = Fixtures.matrix("ap_n39_median_S.csv");
        Agglomerative byCount = new Agglomerative();
        byCount.configure(Map.of("k", "5"));
        assertSamePartition(Fixtures.ints("agglomerative_n39_k5_labels.csv"), byCount.cluster(s, 0, Progress.silent()).labels());
        Agglomerative byThreshold = new Agglomerative();
        byThreshold.configure(Map.of("distance-threshold", "0.7"));
        assertSamePartition(Fixtures.ints("agglomerative_n39_t07_labels.csv"), byThreshold.cluster(s, 0, Progress.silent()).labels());
    }

    @Test
    void affinityPropagationPluginUsesTheMedianLikeScikitLearn() {
        Matrix s = Fixtures.matrix("ap_n60_median_S.csv");
        Clustering c = new AffinityPropagation().cluster(s, 7, Progress.silent());
        assertArrayEquals(Fixtures.ints("ap_n60_median_labels.csv"), c.labels());
        assertEquals(20, c.iterations());
        assertTrue(c.converged());
    }

    @Test
    void nonConvergenceIsReportedNotHidden() {
        AffinityPropagation ap = new AffinityPropagation();
        ap.configure(Map.of("preference", "-30", "retry", "false"));
        Clustering c = ap.cluster(Fixtures.matrix("ap_n39_nonconverged_S.csv"), 0, Progress.silent());
        assertFalse(c.converged());
        assertEquals(200, c.iterations());
        assertEquals(1, c.facts().get("fits"));
        assertTrue(String.valueOf(c.facts().get("tried")).contains("damping 0.5, 200 iterations"), c.facts().toString());
    }

    @Test
    void sweepRetriesWithHigherDampingWhereHalfDampingFails() {
        Matrix s = Fixtures.matrix("ap_n39_nonconverged_S.csv");
        PreferenceSweeper sweeper = new PreferenceSweeper(new ConvergenceLadder(0.5, 200, 15), 10, 0.1, 2);
        AffinityPropagationSolver.Run run = sweeper.solve(PreferenceSweeper.Problem.of(s.values(), s.rows(), 0), -30).run();
        assertTrue(run.converged(), "retried with damping 0.7 / 0.9");
        assertTrue(run.clusterCount() < s.rows());
    }

    @Test
    void autoPreferenceFindsTheBlocks() {
        AffinityPropagation ap = new AffinityPropagation();
        ap.configure(Map.of("preference", "auto", "sweep-points", "16"));
        Clustering c = ap.cluster(BLOCKS, 0, Progress.silent());
        assertNotNull(c.sweep());
        assertEquals(16, c.sweep().preferences().length);
        assertTrue(c.sweep().converged()[0] && c.sweep().clusterCounts()[0] == 1, "the sweep starts at one cluster");
        assertTrue(c.converged());
        assertEquals(3, c.clusterCount());
        assertTrue(BlockSimilarity.recovers(c.labels(), 3));
    }

    @Test
    void widestPlateauIsMeasuredOnTheLogDistanceScale() {
        double pMax = 1.0;
        double[] prefs = {1 - 8, 1 - 4, 1 - 2, 1 - 1, 1 - 0.5, 1 - 0.25, 1};
        int[] counts = {1, 3, 3, 5, 5, 5, 9};
        boolean[] converged = {true, true, true, true, true, true, true};
        assertEquals(1 - Math.sqrt(1 * 0.25), PreferenceSweeper.widestPlateauMiddle(prefs, counts, converged, 20, pMax, 0, 2), 1e-15);
        converged[4] = false; // a failed run breaks the plateau of 5s: the 3s now win (tie -> fewer clusters)
        assertEquals(1 - Math.sqrt(4 * 2), PreferenceSweeper.widestPlateauMiddle(prefs, counts, converged, 20, pMax, 0, 2), 1e-15);
        assertTrue(Double.isNaN(PreferenceSweeper.widestPlateauMiddle(prefs, counts, converged, 20, pMax, 0, 4)),
                "the 3s lie below a floor of 4 clusters, and no other plateau is left");
        int[] near = {1, 40, 43, 41, 60, 62, 300};
        boolean[] all = {true, true, true, true, true, true, true};
        assertEquals(1 - Math.sqrt(4 * 1), PreferenceSweeper.widestPlateauMiddle(prefs, near, all, 300, pMax, 0.1, 2), 1e-15, "40..43 within 10%");
    }

    @Test
    void dampingOutsideScikitLearnsRangeIsRejected() {
        assertThrows(InvalidInputException.class, () -> new AffinityPropagation().configure(Map.of("damping", "1.0")));
        assertThrows(InvalidInputException.class, () -> new AffinityPropagation().configure(Map.of("damping", "0.4")));
        assertThrows(InvalidInputException.class, () -> new AffinityPropagation().configure(Map.of("preference", "high")));
    }

    private static void assertSamePartition(int[] expected, int[] actual) {
        Map<Integer, Integer> mapping = new HashMap<>();
        for (int i = 0; i < expected.length; i++) {
            Integer previous = mapping.putIfAbsent(expected[i], actual[i]);
            assertTrue(previous == null || previous == actual[i], "point " + i);
        }
        assertEquals(mapping.size(), mapping.values().stream().distinct().count(), "a one-to-one relabelling");
    }
}

package dnnc.plugins.lesion;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cluster matching by maximal overlap and Jaccard indices, worked by hand. */
class ClusterStabilityTest {
    @Test
    void eachClusterIsMatchedToTheClusterSharingMostNeuronsWithIt() {
        //                  neuron: 0  1  2  3  4  5  6  7  8  9
        int[] reference = {0, 0, 0, 0, 1, 1, 1, 2, 2, -1};
        int[] repeat = {5, 5, 5, 7, 7, 7, 7, 8, 9, 9};
        List<ClusterStability.Match> matches = ClusterStability.matches(reference, List.of(repeat, reference));
        assertEquals(3, matches.size());
        // cluster 0 {0,1,2,3}: best overlap is cluster 5 {0,1,2} (3 shared); Jaccard 3 / 4
        assertEquals(0, matches.get(0).label());
        assertArrayEquals(new double[] {0.75, 1.0}, matches.get(0).jaccards(), 1e-15);
        assertTrue(matches.get(0).stable());
        // cluster 1 {4,5,6}: cluster 7 {3,4,5,6}, 3 shared of 4
        assertArrayEquals(new double[] {0.75, 1.0}, matches.get(1).jaccards(), 1e-15);
        // cluster 2 {7,8}: clusters 8 {7} and 9 {8,9} share one neuron each; the smaller one's Jaccard 1/2 wins the tie
        assertEquals(2, matches.get(2).size());
        assertEquals(0.5, matches.get(2).jaccards()[0], 1e-15);
        assertTrue(matches.get(2).stable(), "0.5 is stable: the threshold is inclusive");
    }

    @Test
    void aClusterThatFallsApartIsUnstable() {
        int[] reference = {0, 0, 0, 0, 0, 0};
        int[] repeat = {0, 0, 1, 1, 2, 2};
        ClusterStability.Match m = ClusterStability.matches(reference, List.of(repeat)).get(0);
        assertEquals(2.0 / 6, m.weakest(), 1e-15);
        assertFalse(m.stable());
    }

    @Test
    void jaccardOfNeuronSets() {
        assertEquals(2.0 / 4, ClusterStability.jaccard(new int[] {1, 2, 3}, new int[] {2, 3, 4}), 1e-15);
        assertEquals(0.0, ClusterStability.jaccard(new int[] {1}, new int[] {}), 0);
        assertTrue(Double.isNaN(ClusterStability.jaccard(new int[] {}, new int[] {})));
    }
}

package dnnc.plugins.report;

import dnnc.api.StrokeShare;
import dnnc.api.ClusterLesion;
import dnnc.api.Clustering;
import dnnc.api.ClusteringSet;
import dnnc.api.CriticalSet;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.Layer;
import dnnc.api.LesionFindings;
import dnnc.api.NeuronClustering;
import dnnc.api.NeuronLayout;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingChecksTest {
    static final NeuronLayout LAYOUT = new NeuronLayout(List.of(new Layer("in", 2), new Layer("h", 3), new Layer("out", 2)));

    @Test
    void rotationAndScaleNeedsOneLatentLeadingBothByFar() {
        assertEquals(Verdict.HOLDS, FindingChecks.rotationAndScale(new double[] {1, 40, 5}, new double[] {1.1, 2.0, 1.2}).verdict());
        // rotation led by far, scale led by the same latent but log(2)/log(1.5) = 1.71 < 2: partly
        assertEquals(Verdict.PARTLY, FindingChecks.rotationAndScale(new double[] {1, 40, 5}, new double[] {1.0, 2.0, 1.5}).verdict());
        // different leaders, rotation by far: partly (one half of the claim)
        assertEquals(Verdict.PARTLY, FindingChecks.rotationAndScale(new double[] {1, 40, 5}, new double[] {3.0, 2.0, 1.0}).verdict());
        // different leaders, neither by far
        assertEquals(Verdict.DOES_NOT_HOLD, FindingChecks.rotationAndScale(new double[] {30, 40, 5}, new double[] {3.0, 2.0, 1.0}).verdict());
        assertEquals(Verdict.NOT_MEASURED, FindingChecks.rotationAndScale(null, null).verdict());
        Finding f = FindingChecks.rotationAndScale(new double[] {1, 40, 5}, new double[] {1.1, 2.0, 1.2});
        assertTrue(f.ours().contains("z_1 turns the digit by 40.0 deg (runner-up 5.0 deg)"), f.ours());
        assertTrue(f.ours().contains("2.00x (runner-up 1.20x)"), f.ours());
    }

    @Test
    void strokesCompareTheShareWithHalfAndWithChance() {
        double[] alphas = {-1, 1};
        assertEquals(Verdict.HOLDS, FindingChecks.strokes(new StrokeShare(0, alphas, new double[] {.6, .6}, new double[] {.1, .1}, .6, .1, .5)).verdict());
        assertEquals(Verdict.PARTLY, FindingChecks.strokes(new StrokeShare(0, alphas, new double[] {.3, .3}, new double[] {.1, .1}, .3, .1, .5)).verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, FindingChecks.strokes(new StrokeShare(0, alphas, new double[] {.15, .15}, new double[] {.1, .1}, .15, .1, .5)).verdict());
        assertEquals(Verdict.NOT_MEASURED, FindingChecks.strokes(null).verdict());
    }

    @Test
    void classDiagonalHoldsOnlyForEveryClassAndPartlyForAMajority() {
        assertEquals(Verdict.HOLDS, FindingChecks.classDiagonal(10, 10).verdict());
        assertEquals(Verdict.PARTLY, FindingChecks.classDiagonal(6, 10).verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, FindingChecks.classDiagonal(5, 10).verdict());
        assertEquals(Verdict.NOT_MEASURED, FindingChecks.classDiagonal(null, 10).verdict());
    }

    @Test
    void clusterCountsCountNonConvergedClusteringsAsFailing() {
        assertEquals(Verdict.HOLDS, FindingChecks.clusterCounts(set(clustering(FeatureKind.ACTIVATION, -1, 5, true),
                clustering(FeatureKind.ACE, -1, 7, true))).verdict());
        assertEquals(Verdict.PARTLY, FindingChecks.clusterCounts(set(clustering(FeatureKind.ACTIVATION, -1, 5, true),
                clustering(FeatureKind.ACE, -1, 4, true))).verdict());
        Finding notConverged = FindingChecks.clusterCounts(set(clustering(FeatureKind.ACTIVATION, -1, 6, false),
                clustering(FeatureKind.ACE, -1, 4, true), clustering(FeatureKind.ACE, 1, 3, true)));
        assertEquals(Verdict.DOES_NOT_HOLD, notConverged.verdict());
        assertTrue(notConverged.ours().contains("(1 not converged)"), notConverged.ours());
        assertTrue(notConverged.ours().contains("ace 3-4"), notConverged.ours());
    }

    @Test
    void importantAndCriticalFollowTheLesionStepsVerdicts() {
        NeuronClustering act = clustering(FeatureKind.ACTIVATION, 1, 5, true);
        NeuronClustering ace = clustering(FeatureKind.ACE, 1, 5, true);
        ClusteringSet set = set(act, ace);
        ClusterLesion important = new ClusterLesion(act.key(), 0, new int[] {2, 3, 6}, 2, 0.9, 0.01, new double[0]);
        LesionFindings one = new LesionFindings("judge", List.of(important), Map.of(act.key(), important), Map.of());
        assertEquals(Verdict.PARTLY, FindingChecks.importantClusters(set, one).verdict());
        ClusterLesion importantAce = new ClusterLesion(ace.key(), 1, new int[] {3, 4}, 2, 0.8, 0.02, new double[0]);
        CriticalSet critical = new CriticalSet(1, new int[] {3}, 1, 0.7, 0.01, 0.2, new int[] {3}, true);
        LesionFindings both = new LesionFindings("judge", List.of(important, importantAce),
                Map.of(act.key(), important, ace.key(), importantAce), Map.of(1.0, critical));
        assertEquals(Verdict.HOLDS, FindingChecks.importantClusters(set, both).verdict());
        Finding holds = FindingChecks.criticalCluster(both, Map.of(1.0, true));
        assertEquals(Verdict.HOLDS, holds.verdict());
        assertTrue(holds.ours().startsWith("1 of 1 alphas: 1 neurons, of them 1 hidden; damage 0.70"), holds.ours());
        assertEquals(Verdict.DOES_NOT_HOLD, FindingChecks.criticalCluster(both, Map.of(1.0, false)).verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, FindingChecks.criticalCluster(one, Map.of()).verdict());
    }

    static NeuronClustering clustering(FeatureKind kind, double alpha, int clusters, boolean converged) {
        int[] labels = new int[LAYOUT.total()];
        for (int g = 0; g < labels.length; g++) {
            labels[g] = g % clusters;
        }
        return new NeuronClustering(new FeatureKey(kind, alpha), labels, new Clustering(labels, clusters, 10, converged, List.of(), null));
    }

    static ClusteringSet set(NeuronClustering... clusterings) {
        Map<FeatureKey, NeuronClustering> byKey = new LinkedHashMap<>();
        for (NeuronClustering c : clusterings) {
            byKey.put(c.key(), c);
        }
        return new ClusteringSet("affinity-propagation", "spearman", 0, LAYOUT, byKey);
    }
}

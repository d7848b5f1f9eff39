package dnnc.plugins.report;

import dnnc.api.ClusterLesion;
import dnnc.api.Clustering;
import dnnc.api.ClusteringSet;
import dnnc.api.CriticalSet;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.LesionFindings;
import dnnc.api.NeuronClustering;
import dnnc.api.RunInfo;
import dnnc.api.Slots;
import dnnc.api.Partition;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepeatabilityReporterTest {
    private static final FeatureKey ACT = new FeatureKey(FeatureKind.ACTIVATION, 1);

    private static ClusteringSet seed(int[] labels, int clusters) {
        NeuronClustering nc = new NeuronClustering(ACT, labels, new Clustering(labels, clusters, 20, true, List.of(), null));
        return new ClusteringSet("affinity-propagation", "spearman", 0, FindingChecksTest.LAYOUT, Map.of(ACT, nc));
    }

    private static LesionFindings findings(int importantSize, int criticalSize, int hidden, double p) {
        ClusterLesion important = new ClusterLesion(ACT, 0, new int[importantSize], 1, 0.9, 0.01, new double[0]);
        CriticalSet critical = new CriticalSet(1, new int[criticalSize], hidden, 0.5 + criticalSize / 10.0, p, 0.1, new int[0], p < 0.05);
        return new LesionFindings("judge", List.of(important), Map.of(ACT, important), Map.of(1.0, critical));
    }

    @Test
    void recordsAgreementAndRangesOverTheRunsRepeats(@TempDir Path dir) throws java.io.IOException {
        int[] a = {0, 0, 1, 1, 2, 2, -1};
        int[] b = {0, 0, 1, 1, 1, 2, 2};
        int[] c = {1, 1, 0, 0, 2, 2, 2};
        RepeatsContext context = new RepeatsContext(new TestRunContext(dir, 1L), RunInfo.unknown("r"));
        context.put(Slots.CLUSTERINGS, seed(a, 3));
        context.put(Slots.LESIONS, findings(3, 2, 1, 0.01));
        context.put(Slots.CLUSTERINGS, seed(b, 3));
        context.put(Slots.LESIONS, findings(5, 4, 2, 0.2));
        context.put(Slots.CLUSTERINGS, seed(c, 3));
        context.put(Slots.LESIONS, findings(4, 3, 0, 0.03));

        new RepeatabilityReporter().report(context);

        Map<String, Object> results = context.run.results;
        double expected = (new Partition(a).adjustedRandIndex(new Partition(b)) + new Partition(a).adjustedRandIndex(new Partition(c)) + new Partition(b).adjustedRandIndex(new Partition(c))) / 3;
        assertEquals(3, results.get("findings.repeatability.seeds"));
        assertEquals(expected, (Double) results.get("findings.repeatability.ari.activation.1"), 1e-15);
        assertEquals(Map.of("seeds", 3, "min", 3, "max", 5), results.get("findings.repeatability.important.activation.1"));
        assertEquals(Map.of("seeds", 3, "min", 3, "max", 3), results.get("findings.repeatability.clusters.activation.1"));
        @SuppressWarnings("unchecked")
        Map<String, Object> critical = (Map<String, Object>) results.get("findings.repeatability.critical.1");
        assertEquals(2, critical.get("significant"));
        assertEquals(2, critical.get("size_min"));
        assertEquals(4, critical.get("size_max"));
        assertEquals(0, critical.get("hidden_min"));
        assertEquals(0.7, (Double) critical.get("damage_min"), 1e-12);
        assertTrue(java.util.Arrays.equals(new boolean[] {true, false, true}, (boolean[]) critical.get("fails_per_seed")));
        // main {0,1}: found whole in both repeats; {2,3}: {2,3,4} (2/3) and {2,3}; {4,5}: at best {5,6} (1/3) and {4,5,6} (2/3)
        @SuppressWarnings("unchecked")
        Map<String, Object> stable = (Map<String, Object>) results.get("findings.repeatability.stable_clusters.activation.1");
        assertEquals(2L, stable.get("stable"));
        assertEquals(3, stable.get("clusters"));
        assertEquals(4, stable.get("stable_neurons"));
        assertEquals(6, stable.get("neurons"));
        @SuppressWarnings("unchecked")
        Map<String, Object> spread = (Map<String, Object>) results.get("findings.repeatability.ari_spread.activation.1");
        assertEquals(Math.min(ari(a, b), Math.min(ari(a, c), ari(b, c))),
                (Double) spread.get("min"), 1e-15);
        assertEquals(3, spread.get("pairs"));
        assertTrue(Files.readString(dir.resolve("stable-clusters.csv")).contains("activation,1.0,2,2,false,0.3333333333333333,false"));
        assertTrue(Files.isRegularFile(dir.resolve("repeatability.png")));
        assertTrue(Files.isRegularFile(dir.resolve("repeatability.csv")));
    }

    @Test
    void oneSeedIsRecordedWithAWarningAndNoRanges(@TempDir Path dir) {
        RepeatsContext context = new RepeatsContext(new TestRunContext(dir, 1L), RunInfo.unknown("r"));
        context.put(Slots.CLUSTERINGS, seed(new int[] {0, 0, 1, 1, 2, 2, 2}, 3));
        new RepeatabilityReporter().report(context);
        assertEquals(1, context.run.results.get("findings.repeatability.seeds"));
        assertEquals(1, context.run.results.size());
        assertEquals(1, context.run.warnings.size());
    }

    private static double ari(int[] a, int[] b) {
        return new dnnc.api.Partition(a).adjustedRandIndex(new dnnc.api.Partition(b));
    }
}

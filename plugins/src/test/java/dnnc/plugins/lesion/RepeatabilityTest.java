package dnnc.plugins.lesion;

import dnnc.api.ClusteringSet;
import dnnc.api.FeatureKey;
import dnnc.api.LesionDesign;
import dnnc.api.Partition;
import dnnc.api.Progress;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RepeatabilityTest {
    @Test
    void meanPairwiseAriAveragesEveryPairOfSeeds() {
        DenseNetworkProbe probe = RandomProbes.planted(8L);
        ClusteringSet a = PlantedStudy.clusterings(probe.layout(), 3L);
        ClusteringSet c = PlantedStudy.clusterings(probe.layout(), 4L);
        Map<FeatureKey, Double> ari = Repeatability.meanPairwiseAri(List.of(a, a, c));
        assertEquals(4, ari.size());
        for (FeatureKey key : a.byKey().keySet()) {
            double x = new Partition(a.byKey().get(key).labels()).adjustedRandIndex(new Partition(c.byKey().get(key).labels()));
            assertEquals((1 + 2 * x) / 3, ari.get(key), 1e-15);
        }
    }

    @Test
    void perSeedFindingsAndTheirRanges(@TempDir Path dir) {
        DenseNetworkProbe probe = RandomProbes.planted(8L);
        List<ClusteringSet> sets = List.of(PlantedStudy.clusterings(probe.layout(), 3L), PlantedStudy.clusterings(probe.layout(), 4L));
        LesionStudy study = new LesionStudy(probe, PlantedStudy.SCHEMA, 5, 5, new PixelBceCriterion(), null,
                new LesionDesign(6, 59, 2, 0.05, 2, 5L, 1));
        List<LesionStudy.Result> results = Repeatability.perSeed(study, sets, null, Progress.silent());
        assertEquals(2, results.size());
        TestRunContext context = new TestRunContext(dir, 1L);
        Repeatability.recordRanges(context.recorder(), "findings.repeatability", results.stream().map(LesionStudy.Result::findings).toList(), 0.05);
        @SuppressWarnings("unchecked")
        Map<String, Object> range = (Map<String, Object>) context.results.get("findings.repeatability.critical.1");
        assertEquals(4.0, range.get("size_min"));
        assertEquals(4.0, range.get("size_max"));
        assertEquals(2L, range.get("significant"));
    }
}

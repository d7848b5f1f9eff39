package dnnc.plugins.lesion;

import dnnc.api.ClusteringSet;
import dnnc.api.LesionDesign;
import dnnc.api.Progress;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitivityAnalysisTest {
    @Test
    void oneCurvePointPerAlternativeAndAlphaWithItsClusterCount(@TempDir Path dir) {
        DenseNetworkProbe probe = RandomProbes.planted(8L);
        ClusteringSet planted = PlantedStudy.clusterings(probe.layout(), 3L);
        ClusteringSet other = PlantedStudy.clusterings(probe.layout(), 4L);
        LesionStudy study = new LesionStudy(probe, PlantedStudy.SCHEMA, 5, 5, new PixelBceCriterion(), null,
                new LesionDesign(6, 59, 2, 0.05, 2, 5L, 1));
        List<SensitivityAnalysis.Point> points = SensitivityAnalysis.run(study, List.of(planted, other), null, Progress.silent());
        assertEquals(4, points.size());
        // planted clusterings: cluster 0 plus three random clusters, at both alphas
        points.forEach(p -> assertEquals(4.0, p.clusters(), 0));
        points.forEach(p -> assertEquals(4, p.criticalSize()));
        TestRunContext context = new TestRunContext(dir, 1L);
        SensitivityAnalysis.write(context, points, "mean pixel BCE");
        assertTrue(Files.isRegularFile(dir.resolve("lesion_sensitivity_size.png")));
        assertTrue(Files.isRegularFile(dir.resolve("lesion_sensitivity_size.csv")));
        assertTrue(context.results.containsKey("findings.sensitivity"));
    }

    @Test
    void theSummaryNamesWhereCriticalSetsFailAndTheCoarsestSuchClustering() {
        List<SensitivityAnalysis.Point> points = List.of(
                new SensitivityAnalysis.Point(0, 2.0, 75, 26, 23, 0.2, true),
                new SensitivityAnalysis.Point(1, 2.0, 4.5, 0, 0, Double.NaN, false),
                new SensitivityAnalysis.Point(2, 3.0, 143.5, 2, 2, 0.1, true));
        assertEquals("Critical sets whose lesion fails: alpha 2 at 75 clusters (26 neurons, 23 hidden), alpha 3 at 144 clusters "
                + "(2 neurons, 2 hidden); none with fewer than 75 clusters (tried 5 to 144).", SensitivityAnalysis.failingSummary(points));
        assertEquals("No clustering tried, from 5 to 75 clusters, gave a critical set whose lesion fails.",
                SensitivityAnalysis.failingSummary(List.of(new SensitivityAnalysis.Point(0, 2.0, 75, 3, 0, 0.0, false),
                        new SensitivityAnalysis.Point(1, 2.0, 4.5, 0, 0, Double.NaN, false))));
    }
}

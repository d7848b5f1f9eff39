package dnnc.plugins.lesion;

import dnnc.api.ClusteringSet;
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
                new LesionStudy.Settings(6, 59, 2, 0.05, 2, 5L, 1));
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
}

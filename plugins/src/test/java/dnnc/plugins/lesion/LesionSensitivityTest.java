package dnnc.plugins.lesion;

import dnnc.api.InvalidInputException;
import dnnc.api.LesionFindings;
import dnnc.api.PreferenceSweep;
import dnnc.api.Slots;
import dnnc.plugins.analysis.AnalysisStage;
import dnnc.plugins.attribution.AttributionStage;
import dnnc.plugins.attribution.MonteCarloAcePlugin;
import dnnc.plugins.clustering.AffinityPropagation;
import dnnc.plugins.clustering.ClusteringStage;
import dnnc.plugins.figures.FigureNames;
import dnnc.plugins.similarity.SimilarityStage;
import dnnc.plugins.similarity.SpearmanSimilarity;
import dnnc.plugins.testing.GeneratorFixtures;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LesionSensitivityTest {
    @Test
    void alternativesComeFromConvergedSweepPointsWithTwoToHalfNClusters() {
        PreferenceSweep sweep = new PreferenceSweep(new double[] {-9, -5, -2, -1, 0.5, 1},
                new int[] {1, 4, 6, 7, 60, 100}, new boolean[] {true, true, false, true, true, true}, -1);
        // -9: one cluster; -2: did not converge; 0.5 and 1: more than n/2 = 50 clusters
        assertArrayEquals(new double[] {-5, -1}, LesionSensitivity.usablePreferences(sweep, 100));
        assertArrayEquals(new double[] {-5, -1, 0.5}, LesionSensitivity.usablePreferences(sweep, 120));
    }

    @Test
    void alternativesAreEvenlySpacedInLogDistanceToTheLargestPreference() {
        PreferenceSweep sweep = new PreferenceSweep(new double[] {-9, -5, -2, -1, 0.5, 1},
                new int[] {1, 4, 6, 7, 60, 100}, new boolean[] {true, true, false, true, true, true}, -1);
        // usable -5 and -1 lie 6 and 2 from p_max = 1; three points: distances 6, sqrt(12), 2
        assertArrayEquals(new double[] {-5, 1 - Math.sqrt(12), -1}, LesionSensitivity.alternativePreferences(sweep, 100, 3), 1e-12);
        assertArrayEquals(new double[] {-5}, LesionSensitivity.alternativePreferences(sweep, 100, 1), 1e-12);
        PreferenceSweep trivial = new PreferenceSweep(new double[] {-9, 1}, new int[] {1, 100}, new boolean[] {true, true}, -1);
        assertArrayEquals(new double[0], LesionSensitivity.alternativePreferences(trivial, 100, 3));
    }

    /**
     * A whole small analysis on a random decoder (ACE, Spearman, affinity propagation with a sweep, pixel-BCE lesions),
     * then the sensitivity: alternative 0 is the run's own clustering re-tested with the lesion step's own design and
     * seed, so its critical set is the one the lesion step found; the alternatives are the workflow's own clustering
     * plugin at other preferences of its sweep, so their cluster counts differ.
     */
    @Test
    void reClustersWithTheWorkflowsOwnPluginAndReTestsWithItsOwnCriterion(@TempDir Path dir) throws IOException {
        TestRunContext context = new TestRunContext(dir, 5);
        context.put(Slots.MODEL, GeneratorFixtures.random(11));
        MonteCarloAcePlugin ace = new MonteCarloAcePlugin();
        ace.configure(Map.of("draws", "60", "alphas", "-2,2", "focus", "3"));
        new AttributionStage().run(ace, context);
        new SimilarityStage().run(new SpearmanSimilarity(), context);
        AffinityPropagation ap = new AffinityPropagation();
        ap.configure(Map.of("preference", "auto", "sweep-points", "8", "damping", "0.9", "max-iter", "1000"));
        new ClusteringStage().run(ap, context);
        PixelBceCriterion criterion = new PixelBceCriterion();
        criterion.configure(Map.of("draws", "4", "random-lesions", "19", "tested-clusters", "1"));
        new LesionStage().run(criterion, context);
        LesionSensitivity sensitivity = new LesionSensitivity();
        sensitivity.configure(Map.of("alternatives", "3"));

        new AnalysisStage().run(sensitivity, context);

        List<String> rows = Files.readAllLines(dir.resolve(FigureNames.LESION_SENSITIVITY_SIZE + ".csv"));
        assertEquals("alternative,alpha,clusters,critical_size,critical_hidden,damage,fails", rows.get(0));
        LesionFindings found = context.get(Slots.LESIONS).orElseThrow();
        for (double alpha : new double[] {-2, 2}) {
            String own = rows.stream().filter(r -> r.startsWith("0," + alpha + ",")).findFirst().orElseThrow();
            assertEquals(found.critical().get(alpha).neurons().length, Integer.parseInt(own.split(",")[3]),
                    "alternative 0 at alpha " + alpha + " finds the lesion step's critical set");
        }
        long distinctCounts = rows.stream().skip(1).map(r -> r.split(",")[2]).distinct().count();
        assertTrue(distinctCounts >= 2, "the alternatives cluster at other granularities: " + rows);
        assertTrue(Files.exists(dir.resolve(FigureNames.png(FigureNames.LESION_SENSITIVITY_DAMAGE))));
        assertTrue(context.get(Slots.SENSITIVITY).isPresent());
        assertTrue(context.recorder().results.containsKey("findings.sensitivity"));
    }

    @Test
    void withoutTheLesionStepTheUserIsToldWhatToAdd(@TempDir Path dir) {
        TestRunContext context = new TestRunContext(dir, 5);
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> new LesionSensitivity().analyse(context));
        assertTrue(missing.getMessage().contains("lesion-sensitivity"), missing.getMessage());
    }
}

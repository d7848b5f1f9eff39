package dnnc.plugins.lesion;

import dnnc.api.InvalidInputException;
import dnnc.api.Lesion;
import dnnc.api.LesionCriterion;
import dnnc.api.LesionDesign;
import dnnc.api.LesionFindings;
import dnnc.api.PluginInfo;
import dnnc.api.ReconstructionBatch;
import dnnc.api.Slots;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LesionStageTest {
    private static final Map<String, String> QUICK = Map.of("draws", "8", "random-lesions", "59",
            "tested-clusters", "2", "seed", "3", "target", "2");

    private static TestRunContext plantedRun(Path dir) {
        DenseNetworkProbe probe = RandomProbes.planted(8L);
        TestRunContext context = new TestRunContext(dir, 1L);
        context.put(Slots.MODEL, new PlantedModel(probe));
        context.put(Slots.CLUSTERINGS, PlantedStudy.clusterings(probe.layout(), 3L));
        return context;
    }

    @Test
    void pixelBceStageRecordsImportantAndCriticalFindingsAndWritesFigures(@TempDir Path dir) {
        TestRunContext context = plantedRun(dir);
        PixelBceCriterion criterion = new PixelBceCriterion();
        criterion.configure(QUICK);
        new LesionStage().run(criterion, context);

        LesionFindings findings = context.get(Slots.LESIONS).orElseThrow();
        assertEquals("pixel-bce", findings.criterion());
        assertEquals(4, findings.important().size());
        @SuppressWarnings("unchecked")
        Map<String, Object> important = (Map<String, Object>) context.results.get("findings.important.activation.-1");
        assertEquals(0, important.get("cluster"));
        assertEquals(true, important.get("significant"));
        assertTrue((double) important.get("p_value") < 0.05);
        @SuppressWarnings("unchecked")
        Map<String, Object> critical = (Map<String, Object>) context.results.get("findings.critical.1");
        assertEquals(4, critical.get("size"));
        assertEquals(4, critical.get("hidden"));
        assertEquals(true, critical.get("fails"));
        assertTrue((int) critical.get("minimal_size") >= 1);
        assertTrue(critical.containsKey("mean_bce") && critical.containsKey("failure_rate") && critical.containsKey("overlap_p_value"));
        for (String file : new String[] {"lesion_clusters.csv", "lesion_random_damages.csv", "lesion_critical.png",
                "lesion_critical.csv", "lesion_sizes.png", "lesion_clusters_activation_-1.png", "lesion_clusters_ace_1.png",
                "lesion_null_critical_-1.png", "lesion_null_ace_1.png"}) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
            assertTrue(context.artifacts.containsKey(dir.resolve(file)), file);
        }
    }

    @Test
    void judgeStageNeedsAJudgeAndCountsMisjudgedReconstructions(@TempDir Path dir) {
        TestRunContext context = plantedRun(dir);
        JudgeCriterion criterion = new JudgeCriterion();
        criterion.configure(QUICK);
        assertThrows(InvalidInputException.class, () -> new LesionStage().run(criterion, context));

        DenseNetworkProbe probe = (DenseNetworkProbe) context.get(Slots.MODEL).orElseThrow().decoder();
        EvaluationDesign design = EvaluationDesign.of(PlantedStudy.SCHEMA, 1, new double[] {0}, 1, 2, 0L);
        float[] prototype = probe.forward(design.inputs(), 1, Lesion.none()).output();
        context.put(Slots.JUDGE, new PlantedModel.PrototypeJudge(prototype, 0.15, 2, 3));
        new LesionStage().run(criterion, context);
        @SuppressWarnings("unchecked")
        Map<String, Object> critical = (Map<String, Object>) context.results.get("findings.critical.-1");
        double failureRate = (double) critical.get("failure_rate");
        assertTrue(failureRate > 0.5 && failureRate <= 1, "failure rate " + failureRate);
        assertEquals(true, critical.get("fails"));
    }

    @Test
    void hiddenScopeLesionsOnlyTheHiddenNeuronsOfEachCluster(@TempDir Path dir) {
        TestRunContext context = plantedRun(dir);
        PixelBceCriterion criterion = new PixelBceCriterion();
        Map<String, String> params = new java.util.HashMap<>(QUICK);
        params.put("scope", "hidden");
        criterion.configure(params);
        new LesionStage().run(criterion, context);
        @SuppressWarnings("unchecked")
        Map<String, Object> ace = (Map<String, Object>) context.results.get("findings.important.ace.1");
        // the ACE cluster is the four carriers plus two pixels: only the carriers are lesioned
        assertEquals(4, ace.get("size"));
        assertEquals(4, ace.get("hidden"));
        assertEquals(true, ace.get("significant"));
    }

    /**
     * A criterion written against the api alone (no built-in base class): the stage runs the design it declares,
     * and a pass/fail criterion's failure rate is its mean damage. Damage here: the pixel at the centre went dark.
     */
    @PluginInfo(name = "dark-centre", description = "fails when the centre pixel is below 0.5")
    static final class DarkCentre implements LesionCriterion {
        @Override
        public double[] damage(ReconstructionBatch batch) {
            int pixels = batch.rows() * batch.cols();
            double[] damage = new double[batch.count()];
            for (int i = 0; i < damage.length; i++) {
                damage[i] = batch.lesioned()[i * pixels + pixels / 2] < 0.5 ? 1 : 0;
            }
            return damage;
        }

        @Override
        public LesionDesign design(long runSeed) {
            return new LesionDesign(6, 39, 1, 0.05, 2, runSeed, 1);
        }

        @Override
        public boolean passFail() {
            return true;
        }
    }

    @Test
    void aCriterionBuiltOnTheApiAloneRunsTheDesignItDeclares(@TempDir Path dir) {
        TestRunContext context = plantedRun(dir);
        new LesionStage().run(new DarkCentre(), context);
        assertEquals("dark-centre", context.get(Slots.LESIONS).orElseThrow().criterion());
        assertEquals(6, context.results.get("findings.lesion.draws"));
        @SuppressWarnings("unchecked")
        Map<String, Object> important = (Map<String, Object>) context.results.get("findings.important.activation.-1");
        double failureRate = (double) important.get("failure_rate");
        assertEquals((double) important.get("damage"), failureRate, 1e-12, "pass/fail: failure rate = mean damage");
        double onGrid = (double) important.get("p_value") * (39 + 1);
        assertEquals(Math.rint(onGrid), onGrid, 1e-9, "p on the grid 1/(39 + 1) of its 39 random lesions");
    }

    @Test
    void targetOutsideTheModelsClassesIsAUserError(@TempDir Path dir) {
        PixelBceCriterion criterion = new PixelBceCriterion();
        criterion.configure(Map.of("target", "5"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new LesionStage().run(criterion, plantedRun(dir)));
        assertTrue(e.getMessage().contains("target"), e.getMessage());
    }
}

package dnnc.plugins.lesion;

import dnnc.api.ClusteringSet;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.Lesion;
import dnnc.api.LesionDesign;
import dnnc.api.NeuronLayout;
import dnnc.api.Progress;
import dnnc.plugins.network.DenseNetworkProbe;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LesionStudyTest {
    private static final LesionDesign SETTINGS = new LesionDesign(8, 99, 3, 0.05, PlantedStudy.TARGET, 17L, 1);

    @Test
    void pValueOfALesionDrawnLikeTheRandomOnesIsUniform() {
        DenseNetworkProbe probe = RandomProbes.small(21L);
        NeuronLayout layout = probe.layout();
        EvaluationDesign design = EvaluationDesign.of(PlantedStudy.SCHEMA, 1, new double[] {-1, 0, 1}, 6, 2, 5L);
        LesionScorer scorer = new LesionScorer(new LesionEngine(probe, design.inputs(), design.rows()), design,
                new PixelBceCriterion(), null, 5, 5);
        RandomLesions random = new RandomLesions(layout, IntStream.range(layout.offset(1), layout.total()).toArray());
        Lesion shape = Lesion.ofGlobal(layout, new int[] {layout.global(1, 0), layout.global(1, 1),
                layout.global(2, 0), layout.global(2, 1), layout.global(2, 2), layout.global(3, 0), layout.global(3, 1)});
        int repeats = 200;
        int controls = 19;
        int[] histogram = new int[controls + 1];   // p = k / 20, k = 1..20
        for (int rep = 0; rep < repeats; rep++) {
            Lesion observed = random.matching(shape, 1, 1000L + rep)[0];
            double[] nulls = scorer.score(Arrays.asList(random.matching(shape, controls, 5000L + rep))).stream()
                    .mapToDouble(LesionScorer.Scored::damage).toArray();
            double p = Significance.pValue(scorer.score(observed).damage(), nulls);
            histogram[(int) Math.round(p * (controls + 1)) - 1]++;
        }
        // Kolmogorov-Smirnov distance to the discrete uniform on {1/20, ..., 1}; 5% critical value 1.36/sqrt(200)
        double cumulative = 0;
        double ks = 0;
        for (int k = 0; k <= controls; k++) {
            cumulative += histogram[k] / (double) repeats;
            ks = Math.max(ks, Math.abs(cumulative - (k + 1.0) / (controls + 1)));
        }
        assertTrue(ks < 1.36 / Math.sqrt(repeats), "KS distance " + ks + " histogram " + Arrays.toString(histogram));
    }

    @Test
    void plantedCarriersAreImportantInBothClusteringsAndFormTheCriticalSet() {
        DenseNetworkProbe probe = RandomProbes.planted(8L);
        NeuronLayout layout = probe.layout();
        ClusteringSet clusterings = PlantedStudy.clusterings(layout, 3L);
        LesionStudy study = new LesionStudy(probe, PlantedStudy.SCHEMA, 5, 5, new PixelBceCriterion(), null, SETTINGS);
        LesionStudy.Result result = study.run(clusterings, null, Progress.silent());

        for (FeatureKey key : clusterings.byKey().keySet()) {
            TestedLesion important = result.clusterings().get(key).important();
            assertNotNull(important, "no important cluster for " + key);
            assertEquals(0, important.cluster(), key.toString());
            // with R = 99 and 3 tested clusters the smallest Holm-adjusted p-value is 3/100
            assertTrue(important.adjustedP() <= 0.03 + 1e-12, key + " p " + important.adjustedP());
        }
        int[] carriers = PlantedStudy.carriers(layout);
        for (double alpha : PlantedStudy.ALPHAS) {
            CriticalSetSearch.Outcome critical = result.critical().get(alpha);
            assertArrayEquals(carriers, critical.neurons());
            assertEquals(4, critical.hidden());
            assertTrue(critical.fails());
            assertTrue(critical.minimal().length > 0 && critical.minimal().length <= 4);
            assertTrue(Arrays.stream(critical.minimal()).allMatch(g -> Arrays.binarySearch(carriers, g) >= 0));
            // population: hidden neurons and the 3 free latents (outputs and 4 inputs are left out, the ACE
            // clustering's two extra pixels are not in the activation clustering); |C_ACT| 6, |C_ACE| 4, overlap 4
            int n = layout.offset(3) - 4;
            double expected = 0;
            for (int k = 4; k <= 4; k++) {
                expected += CombinatoricsUtils.binomialCoefficientDouble(4, k)
                        * CombinatoricsUtils.binomialCoefficientDouble(n - 4, 6 - k)
                        / CombinatoricsUtils.binomialCoefficientDouble(n, 6);
            }
            assertEquals(expected, critical.overlapPValue(), 1e-12);
        }
        assertEquals(result.findings().important().size(), 4);
        assertEquals(2, result.findings().critical().size());
    }

    @Test
    void minimalSetStillFailsAgainstTheCriticalNull() {
        DenseNetworkProbe probe = RandomProbes.planted(8L);
        NeuronLayout layout = probe.layout();
        EvaluationDesign design = EvaluationDesign.of(PlantedStudy.SCHEMA, 1, PlantedStudy.ALPHAS, 8, 2, 5L);
        LesionScorer scorer = new LesionScorer(new LesionEngine(probe, design.inputs(), design.rows()), design,
                new PixelBceCriterion(), null, 5, 5);
        int[] labels = new int[layout.total()];
        // critical = the carriers plus two hidden-1 neurons: the minimal set must shed some of them
        int[] critical = IntStream.concat(Arrays.stream(PlantedStudy.carriers(layout)),
                IntStream.of(2, 3).map(i -> layout.global(1, i))).sorted().toArray();
        CriticalSetSearch.Outcome outcome = new CriticalSetSearch(scorer, SETTINGS, layout)
                .run(0, labels, labels, critical, critical, null);
        assertTrue(outcome.fails());
        assertTrue(outcome.minimal().length < critical.length, Arrays.toString(outcome.minimal()));
        double damage = scorer.score(Lesion.ofGlobal(layout, outcome.minimal())).damage();
        assertTrue(Significance.pValue(damage, outcome.randomDamages()) < 0.05);
        assertTrue(Arrays.stream(outcome.minimal()).allMatch(g -> Arrays.binarySearch(critical, g) >= 0));
    }

    @Test
    void hypergeometricOverlapPValueMatchesTheClosedForm() {
        // N = 10, |C_ACE| = 4, |C_ACT| = 5, overlap >= 3: (C(4,3) C(6,2) + C(4,4) C(6,1)) / C(10,5) = 66 / 252
        assertEquals(66.0 / 252.0, CriticalSetSearch.overlapPValue(10, 5, 4, 3), 1e-14);
        assertEquals(1.0, CriticalSetSearch.overlapPValue(10, 5, 4, 0), 1e-14);
    }

    @Test
    void sameSeedSameFindings() {
        DenseNetworkProbe probe = RandomProbes.planted(9L);
        ClusteringSet clusterings = PlantedStudy.clusterings(probe.layout(), 4L);
        LesionDesign quick = new LesionDesign(4, 19, 1, 0.05, 2, 3L, 1);
        List<double[]> runs = IntStream.range(0, 2).mapToObj(i -> new LesionStudy(probe, PlantedStudy.SCHEMA, 5, 5,
                        new PixelBceCriterion(), null, quick).run(clusterings, null, Progress.silent()))
                .map(r -> r.findings().clusterLesions().stream().flatMapToDouble(c -> Arrays.stream(c.randomDamages())).toArray())
                .toList();
        assertArrayEquals(runs.get(0), runs.get(1), 0);
        assertTrue(runs.get(0).length > 0);
    }
}

package dnnc.plugins.clustering;

import dnnc.api.ClusteringSet;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.Layer;
import dnnc.api.NeuronLayout;
import dnnc.api.SampleFeatures;
import dnnc.api.SimilaritySet;
import dnnc.api.Slots;
import dnnc.plugins.similarity.SimilarityStage;
import dnnc.plugins.similarity.SpearmanSimilarity;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Similarity then clustering stages on features of 3 + 9 neurons driven by 3 hidden factors, one neuron constant. */
class ClusteringStageTest {
    private static final NeuronLayout LAYOUT = new NeuronLayout(List.of(new Layer("input", 3), new Layer("hidden", 9)));
    private static final double[] ALPHAS = {-1, 0.5};

    @Test
    void stagesRecordTableMembershipsAndSweep(@TempDir Path dir) throws IOException {
        TestRunContext context = new TestRunContext(dir, 3);
        context.put(Slots.FEATURES, features(60));
        new SimilarityStage().run(new SpearmanSimilarity(), context);
        SimilaritySet similarities = context.require(Slots.SIMILARITIES, "test");
        assertEquals(4, similarities.byKey().size());
        assertEquals(11, similarities.byKey().get(new FeatureKey(FeatureKind.ACE, 0.5)).kept().length);

        AffinityPropagation ap = new AffinityPropagation();
        ap.configure(Map.of("preference", "auto", "sweep-points", "12"));
        new ClusteringStage().run(ap, context);
        ClusteringSet set = context.require(Slots.CLUSTERINGS, "test");
        int[] labels = set.byKey().get(new FeatureKey(FeatureKind.ACTIVATION, -1)).labels();
        assertEquals(-1, labels[2], "the constant neuron is its own group");
        assertEquals(12, labels.length);

        Map<String, Object> results = context.recorder().results;
        for (String kind : List.of("activation", "ace")) {
            for (String alpha : List.of("-1", "0_5")) {
                assertNotNull(results.get("findings.clusters." + kind + "." + alpha), kind + " " + alpha);
                assertTrue(Files.exists(dir.resolve("clusters-" + kind + "-alpha" + alpha + ".csv")));
            }
        }
        assertEquals(3, results.get("findings.clusters.activation.-1"), "three driving factors");
        String table = Files.readString(dir.resolve("table-3-1.html"));
        assertTrue(table.contains("<td>0_5</td>"), table);
        assertEquals("alpha,activation,ace", Files.readAllLines(dir.resolve("table-3-1.csv")).get(0));
        assertNotNull(ImageIO.read(dir.resolve("preference-sweep.png").toFile()));
        assertEquals("input,2,-1", Files.readAllLines(dir.resolve("clusters-activation-alpha-1.csv")).get(3));
    }

    @Test
    void aRepeatReusesTheMainAnalysisSettingsOnlyForTheSameConfiguration(@TempDir Path dir) {
        TestRunContext main = new TestRunContext(dir, 3);
        main.put(Slots.FEATURES, features(60));
        new SimilarityStage().run(new SpearmanSimilarity(), main);
        new ClusteringStage().run(autoPreference("12"), main);
        assertNotNull(main.results.get("clustering.ace.preference"), "the main analysis sweeps");

        TestRunContext repeat = main.repeatOf(1);
        new ClusteringStage().run(autoPreference("12"), repeat);
        assertEquals("main analysis", repeat.results.get("clustering.ace.settings_from"));
        assertEquals(null, repeat.results.get("clustering.ace.preference"), "no sweep of its own");
        assertTrue(repeat.statuses().stream().noneMatch(s -> s.startsWith("preference ")), "no sweep point was solved");

        TestRunContext otherSettings = main.repeatOf(2);
        new ClusteringStage().run(autoPreference("13"), otherSettings);
        assertEquals(null, otherSettings.results.get("clustering.ace.settings_from"));
        assertNotNull(otherSettings.results.get("clustering.ace.preference"), "settings of another configuration are not reused");
    }

    /** Settles on a setting that never converges, with fallbacks that converge (or not). */
    @dnnc.api.PluginInfo(name = "fickle", description = "test: converges only with the settings it is told to")
    static final class Fickle implements dnnc.api.ClusteringAlgorithm {
        private final boolean converges;
        private final List<Boolean> fallbacks;

        Fickle(boolean converges, List<Boolean> fallbacks) {
            this.converges = converges;
            this.fallbacks = fallbacks;
        }

        @Override
        public dnnc.api.Clustering cluster(dnnc.api.Matrix similarity, long seed, dnnc.api.Progress progress) {
            int[] labels = new int[similarity.rows()];
            return new dnnc.api.Clustering(labels, 1, converges ? 20 : 200, converges, List.of(), null,
                    converges ? Map.of() : Map.of("tried", "2 fits (damping 0.5, 200 iterations; damping 0.7, 1000 iterations)"));
        }

        @Override
        public Calibration calibrate(dnnc.api.Matrix representative, long seed, dnnc.api.Progress progress) {
            return new Calibration(this, null, fallbacks.stream().map(c -> new Calibration(new Fickle(c, List.of()), null)).toList());
        }
    }

    @Test
    void settingsUnderWhichAnAlphaDoesNotConvergeGiveWayToTheFirstThatConvergesEverywhere(@TempDir Path dir) {
        TestRunContext context = new TestRunContext(dir, 3);
        context.put(Slots.FEATURES, features(60));
        new SimilarityStage().run(new SpearmanSimilarity(), context);
        new ClusteringStage().run(new Fickle(false, List.of(false, true)), context);
        assertEquals(3, context.results.get("clustering.ace.settings_tried"));
        assertEquals("2/2", context.results.get("clustering.ace.converged"));
        assertEquals(1, context.results.get("findings.clusters.ace.-1"), "reported: it converged with the third setting");
        assertEquals(null, context.results.get("clustering.ace.not_converged"));

        TestRunContext never = new TestRunContext(dir.resolve("never"), 3);
        never.put(Slots.FEATURES, features(60));
        new SimilarityStage().run(new SpearmanSimilarity(), never);
        new ClusteringStage().run(new Fickle(false, List.of(false)), never);
        assertEquals("0/2", never.results.get("clustering.activation.converged"));
        assertEquals(null, never.results.get("findings.clusters.activation.-1"), "a partition that did not converge is no finding");
        String line = String.valueOf(never.results.get("clustering.activation.not_converged"));
        assertTrue(line.contains("alpha -1, 0.5") && line.contains("2 settings") && line.contains("damping 0.7"), line);
    }

    private static AffinityPropagation autoPreference(String sweepPoints) {
        AffinityPropagation ap = new AffinityPropagation();
        ap.configure(Map.of("preference", "auto", "sweep-points", sweepPoints));
        return ap;
    }

    /** Neuron j follows factor j % 3 plus small noise; neuron 2 (an input) is constant. */
    private static SampleFeatures features(int draws) {
        SplittableRandom random = new SplittableRandom(1);
        int n = LAYOUT.total();
        float[][] activations = new float[ALPHAS.length][draws * n];
        float[][] effects = new float[ALPHAS.length][draws * n];
        for (int a = 0; a < ALPHAS.length; a++) {
            for (int s = 0; s < draws; s++) {
                double[] factor = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
                for (int j = 0; j < n; j++) {
                    float v = j == 2 ? 1f : (float) (factor[j % 3] + 0.2 * random.nextGaussian());
                    activations[a][s * n + j] = v;
                    effects[a][s * n + j] = j == 2 ? 0f : v * 0.5f;
                }
            }
        }
        return new SampleFeatures(0, ALPHAS, LAYOUT, draws, activations, effects);
    }
}

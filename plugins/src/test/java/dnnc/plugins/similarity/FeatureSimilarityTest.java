package dnnc.plugins.similarity;

import dnnc.api.Blackboard;
import dnnc.api.FeatureKey;
import dnnc.api.Layer;
import dnnc.api.Matrix;
import dnnc.api.NeuronLayout;
import dnnc.api.Plugin;
import dnnc.api.PluginLookup;
import dnnc.api.SampleFeatures;
import dnnc.api.SimilaritySet;
import dnnc.api.Slots;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A similarity carried as features and plugin: a worker computes the similarity step's matrix bit for bit. */
class FeatureSimilarityTest {
    private static final NeuronLayout LAYOUT = new NeuronLayout(List.of(new Layer("input", 4), new Layer("hidden", 7)));
    private static final double[] ALPHAS = {-1, 0.5};

    @Test
    void aWorkerComputesTheStepsMatrixBitForBitAndTheRunsOwnBoardGivesItsOwn(@TempDir Path dir) {
        TestRunContext run = new TestRunContext(dir, 3);
        run.put(Slots.FEATURES, features(40));
        SpearmanSimilarity spearman = new SpearmanSimilarity();
        spearman.configure(Map.of());
        new SimilarityStage().run(spearman, run);
        SimilaritySet computed = run.require(Slots.SIMILARITIES, "test");

        Blackboard worker = new Blackboard();
        worker.put(Slots.PLUGINS, catalogOf(new SpearmanSimilarity()));
        Map<FeatureKey, FeatureSimilarity> units = FeatureSimilarity.of(run.blackboard(), computed.byKey().keySet());
        units.forEach((key, unit) -> {
            Matrix ours = computed.byKey().get(key).matrix();
            assertSame(ours, unit.matrix(run.blackboard()), "the run's board gives the matrix it holds");
            FeatureSimilarity travelled = new FeatureSimilarity(key, unit.measure(), unit.features().clone(), unit.draws(), unit.variables());
            assertArrayEquals(ours.values(), travelled.matrix(worker).values(), "the worker's matrix, " + key);
        });
    }

    /** The plugin catalog of a worker, holding one plugin: configured as the reference says. */
    private static PluginLookup catalogOf(Plugin plugin) {
        return ref -> {
            plugin.configure(ref.parameters());
            return plugin;
        };
    }

    private static SampleFeatures features(int draws) {
        SplittableRandom random = new SplittableRandom(5);
        int n = LAYOUT.total();
        float[][] activations = new float[ALPHAS.length][draws * n];
        float[][] effects = new float[ALPHAS.length][draws * n];
        for (int a = 0; a < ALPHAS.length; a++) {
            for (int i = 0; i < draws * n; i++) {
                activations[a][i] = (float) random.nextGaussian();
                effects[a][i] = (float) random.nextGaussian();
            }
        }
        return new SampleFeatures(0, ALPHAS, LAYOUT, draws, activations, effects);
    }
}

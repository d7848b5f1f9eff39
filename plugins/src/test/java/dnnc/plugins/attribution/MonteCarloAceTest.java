package dnnc.plugins.attribution;

import dnnc.api.AttributionRequest;
import dnnc.api.AttributionResult;
import dnnc.api.InputEffect;
import dnnc.api.InputSchema;
import dnnc.api.NeuronLayout;
import dnnc.api.Progress;
import dnnc.api.SampleFeatures;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe.Activation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonteCarloAceTest {
    private static final InputSchema SCHEMA = new InputSchema(3, 4, new double[] {0.1, 0.2, 0.3, 0.4});
    private static final double[] ALPHAS = {-2, -0.5, 0, 1, 3};
    private static final int TARGET = 2;

    private static MonteCarloAcePlugin plugin(Map<String, String> params) {
        MonteCarloAcePlugin p = new MonteCarloAcePlugin();
        p.configure(params);
        return p;
    }

    private static AttributionRequest request(DenseNetworkProbe net, long seed) {
        return new AttributionRequest(net, SCHEMA, new int[] {0, 1, 2, 3, 4, 5, 6}, ALPHAS, TARGET, seed);
    }

    @Test
    void linearNetworkGivesTheClosedFormForLatentsAndClasses() {
        DenseNetworkProbe net = TestNetworks.dense(3, new int[] {7, 5, 4}, Activation.IDENTITY, Activation.IDENTITY);
        double[][][] maps = TestNetworks.linearMaps(net);
        AttributionResult result = plugin(Map.of("draws", "50", "chunk", "16")).attribute(request(net, 9), Progress.silent());
        NeuronLayout layout = result.layout();
        double meanAlpha = java.util.Arrays.stream(ALPHAS).average().orElseThrow();
        for (InputEffect effect : result.effects()) {
            int i = effect.input();
            for (int g = 0; g < layout.total(); g++) {
                int l = layout.layerOf(g);
                int n = layout.indexInLayer(g);
                if (SCHEMA.isLatent(i)) {
                    assertArrayEquals(ALPHAS, effect.values());
                    for (int a = 0; a < ALPHAS.length; a++) {
                        double expected = maps[l][i][n] * (ALPHAS[a] - meanAlpha);
                        assertEquals(expected, effect.ace()[a][g], 1e-5, "z_" + i + " alpha " + ALPHAS[a] + " neuron " + g);
                        assertEquals(0, effect.standardError()[a][g], 1e-5);
                    }
                } else {
                    int k = i - SCHEMA.latents();
                    double baseline = 0;
                    double rest = 1 - SCHEMA.classFrequencies()[k];
                    for (int j = 0; j < SCHEMA.classes(); j++) {
                        if (j != k) {
                            baseline += SCHEMA.classFrequencies()[j] / rest * maps[l][SCHEMA.latents() + j][n];
                        }
                    }
                    assertArrayEquals(new double[] {1}, effect.values());
                    assertEquals(maps[l][i][n] - baseline, effect.ace()[0][g], 1e-5, "c_" + k + " neuron " + g);
                }
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalNumbersAndChunkingOrThreadsDoNotChangeThem() {
        DenseNetworkProbe net = TestNetworks.dense(4, new int[] {7, 6, 5}, Activation.RELU, Activation.SIGMOID);
        List<InputEffect> a = plugin(Map.of("draws", "300", "chunk", "64", "threads", "1")).attribute(request(net, 5), Progress.silent()).effects();
        List<InputEffect> b = plugin(Map.of("draws", "300", "chunk", "64", "threads", "1")).attribute(request(net, 5), Progress.silent()).effects();
        List<InputEffect> c = plugin(Map.of("draws", "300", "chunk", "7", "threads", "2")).attribute(request(net, 5), Progress.silent()).effects();
        List<InputEffect> other = plugin(Map.of("draws", "300", "chunk", "64", "threads", "1")).attribute(request(net, 6), Progress.silent()).effects();
        double seedDifference = 0;
        for (int q = 0; q < a.size(); q++) {
            for (int v = 0; v < a.get(q).ace().length; v++) {
                assertArrayEquals(a.get(q).ace()[v], b.get(q).ace()[v], 0.0);
                assertArrayEquals(a.get(q).standardError()[v], b.get(q).standardError()[v], 0.0);
                assertArrayEquals(a.get(q).ace()[v], c.get(q).ace()[v], 1e-6);
                assertArrayEquals(a.get(q).standardError()[v], c.get(q).standardError()[v], 1e-6);
                for (int g = 0; g < a.get(q).ace()[v].length; g++) {
                    seedDifference = Math.max(seedDifference, Math.abs(a.get(q).ace()[v][g] - other.get(q).ace()[v][g]));
                }
            }
        }
        assertTrue(seedDifference > 1e-4, "another seed must give other draws");
    }

    @Test
    void classesReducedTogetherGiveEachInputsBitsInAnyOrder() {
        DenseNetworkProbe net = TestNetworks.dense(6, new int[] {7, 11, 9}, Activation.RELU, Activation.SIGMOID);
        MonteCarloAcePlugin p = plugin(Map.of("draws", "90", "chunk", "32"));
        int[] mixed = {5, 0, 3, 6, 2, 4};
        List<InputEffect> together = p.attribute(new AttributionRequest(net, SCHEMA, mixed, ALPHAS, TARGET, 3), Progress.silent()).effects();
        for (int q = 0; q < mixed.length; q++) {
            InputEffect alone = p.attribute(new AttributionRequest(net, SCHEMA, new int[] {mixed[q]}, ALPHAS, TARGET, 3), Progress.silent())
                    .effects().get(0);
            assertEquals(mixed[q], together.get(q).input());
            for (int v = 0; v < alone.ace().length; v++) {
                assertArrayEquals(alone.ace()[v], together.get(q).ace()[v], 0.0);
                assertArrayEquals(alone.standardError()[v], together.get(q).standardError()[v], 0.0);
            }
        }
    }

    @Test
    void sampleFeaturesUseExactlyTheDrawsOfTheEstimate() {
        DenseNetworkProbe net = TestNetworks.dense(5, new int[] {7, 6, 5}, Activation.RELU, Activation.SIGMOID);
        MonteCarloAcePlugin p = plugin(Map.of("draws", "120", "chunk", "50"));
        AttributionRequest request = request(net, 11);
        List<InputEffect> effects = p.attribute(request, Progress.silent()).effects();
        for (int input : new int[] {1, 5}) {
            SampleFeatures f = p.sampleFeatures(request, input, Progress.silent()).orElseThrow();
            int total = f.layout().total();
            assertEquals(120, f.draws());
            for (int v = 0; v < f.alphas().length; v++) {
                for (int g = 0; g < total; g++) {
                    double sum = 0;
                    for (int s = 0; s < f.draws(); s++) {
                        sum += f.effects()[v][s * total + g];
                    }
                    assertEquals(effects.get(input).ace()[v][g], sum / f.draws(), 1e-6);
                }
            }
            if (input < SCHEMA.latents()) {
                // the intervened input itself holds alpha in every draw
                assertEquals(ALPHAS[3], f.activations()[3][7 * total + input], 0.0);
            }
        }
    }
}

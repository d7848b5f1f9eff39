package dnnc.plugins.attribution;

import dnnc.api.InputEffect;
import dnnc.api.InvalidInputException;
import dnnc.api.Progress;
import dnnc.api.RowAttribution;
import dnnc.api.RowAttributionRequest;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe.Activation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * network-ace on a linear network, where the effects have a closed form: setting the features of group G to alpha moves
 * neuron j by sum_{i in G} M[i][j] (alpha - x_i), M the network's linear map from the inputs.
 */
class NetworkAceTest {
    private static final int FEATURES = 6;
    private static final int ROWS = 40;
    private final DenseNetworkProbe net = TestNetworks.dense(7, new int[] {FEATURES, 5, 3}, Activation.IDENTITY, Activation.IDENTITY);
    private final double[][][] maps = TestNetworks.linearMaps(net);
    private final float[] rows = rows();

    private static float[] rows() {
        Random random = new Random(3);
        float[] x = new float[ROWS * FEATURES];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    private RowAttribution attribute(Map<String, String> parameters) {
        NetworkAce ace = new NetworkAce();
        ace.configure(parameters);
        return ace.attributeRows(new RowAttributionRequest(net, new long[] {FEATURES}, rows, ROWS, 1), Progress.silent()).orElseThrow();
    }

    @Test
    void effectsOfEachGroupAgainstTheMeanOverAlphasAreTheLinearMapTimesTheDistanceFromTheMean() {
        RowAttribution found = attribute(Map.of("groups", "0-1;4", "alphas", "-1,0,2", "draws", "1000"));
        assertEquals(List.of("x[0-1]", "x[4]"), found.targets().stream().map(t -> t.label()).toList());
        double[] alphas = {-1, 0, 2};
        double mean = 1.0 / 3;
        int[][] groups = {{0, 1}, {4}};
        for (int t = 0; t < 2; t++) {
            InputEffect effect = found.result().effects().get(t);
            assertArrayEquals(alphas, effect.values());
            for (int a = 0; a < 3; a++) {
                for (int l = 1; l < 3; l++) {
                    for (int j = 0; j < net.layers().get(l).size(); j++) {
                        double expected = 0;
                        for (int i : groups[t]) {
                            expected += maps[l][i][j] * (alphas[a] - mean);
                        }
                        int global = net.layout().global(l, j);
                        assertEquals(expected, effect.ace()[a][global], 1e-5, "target " + t + " alpha " + alphas[a] + " neuron " + global);
                        assertEquals(0, effect.standardError()[a][global], 1e-5, "every row moves by the same amount");
                    }
                }
            }
        }
        assertEquals(ROWS, found.features().draws(), "draws above the rows take every row once");
    }

    @Test
    void againstTheDataTheEffectIsTheDistanceFromEachRowsOwnValue() {
        RowAttribution found = attribute(Map.of("groups", "each", "alphas", "0,1", "baseline", "data", "draws", "1000"));
        assertEquals(FEATURES, found.targets().size());
        int i = 3;
        double meanX = 0;
        for (int r = 0; r < ROWS; r++) {
            meanX += rows[r * FEATURES + i] / (double) ROWS;
        }
        InputEffect effect = found.result().effects().get(i);
        for (int j = 0; j < 3; j++) {
            int global = net.layout().global(2, j);
            assertEquals(maps[2][i][j] * (1 - meanX), effect.ace()[1][global], 1e-5);
            assertEquals(maps[2][i][j] * (0 - meanX), effect.ace()[0][global], 1e-5);
        }
    }

    @Test
    void theFocusIsTheTargetThatMovesTheOutputMostAndItsFeaturesAreClustered() {
        RowAttribution found = attribute(Map.of("groups", "each", "alphas", "-1,1", "draws", "20", "seed", "5"));
        double[] moves = new double[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            for (int j = 0; j < 3; j++) {
                moves[i] += Math.abs(maps[2][i][j]);
            }
        }
        int best = 0;
        for (int i = 1; i < FEATURES; i++) {
            best = moves[i] > moves[best] ? i : best;
        }
        assertEquals(best, found.focus());
        assertEquals(best, found.features().input());
        assertEquals(20, found.features().draws());
        assertEquals(2, found.features().activations().length);
        assertEquals(20 * net.layout().total(), found.features().activations()[0].length);
    }

    @Test
    void autoAlphasAreTheMinimumMeanAndMaximumOfTheTargetedValues() {
        RowAttribution found = attribute(Map.of("groups", "2", "draws", "1000"));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int r = 0; r < ROWS; r++) {
            double v = rows[r * FEATURES + 2];
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        double[] alphas = found.features().alphas();
        assertEquals(min, alphas[0], Math.abs(min) * 5e-3);
        assertEquals(sum / ROWS, alphas[1], Math.abs(sum / ROWS) * 5e-3);
        assertEquals(max, alphas[2], Math.abs(max) * 5e-3);
    }

    @Test
    void hiddenUnitsCanBeTargetedOnProbesThatSetThem() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> attribute(Map.of("on", "layer1", "alphas", "0,1")));
        assertTrue(e.getMessage().contains("input features only"), e.getMessage());
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> attribute(Map.of("on", "layer9")));
        assertTrue(unknown.getMessage().contains("expected input or a probed tensor: layer1, layer2"), unknown.getMessage());
        InvalidInputException range = assertThrows(InvalidInputException.class, () -> attribute(Map.of("groups", "0-9")));
        assertTrue(range.getMessage().contains("names unit 6") && range.getMessage().contains("units 0 to 5"), range.getMessage());
    }

    @Test
    void patchesOfASquareInputCoverItOnce() {
        List<dnnc.api.InterventionTarget> targets = InterventionTargets.of("auto", 0, new dnnc.api.Layer("input", 49), new long[] {49});
        assertEquals(16, targets.size());
        assertEquals("patch rows 6-6, cols 6-6", targets.get(15).label());
        assertEquals(49, targets.stream().mapToInt(t -> t.units().length).sum());
        assertArrayEquals(new int[] {0, 1, 7, 8}, targets.get(0).units());
        List<dnnc.api.InterventionTarget> channels = InterventionTargets.of("patches:14", 0, new dnnc.api.Layer("input", 2 * 28 * 28),
                new long[] {2, 28, 28});
        assertEquals(4, channels.size());
        assertEquals(2 * 14 * 14, channels.get(3).units().length, "a patch takes every channel");
    }
}

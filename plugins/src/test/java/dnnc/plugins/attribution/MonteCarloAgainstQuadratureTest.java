package dnnc.plugins.attribution;

import dnnc.api.AttributionRequest;
import dnnc.api.InputEffect;
import dnnc.api.InputSchema;
import dnnc.api.Lesion;
import dnnc.api.NeuronLayout;
import dnnc.api.Progress;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe.Activation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a small ReLU network with two latents, E[y | do(x_i = alpha)] is a one- or two-dimensional Gaussian
 * integral. ReLU kinks spoil Gauss-Hermite's spectral accuracy (80 nodes were off by ~1e-4, more than the
 * Monte Carlo error of nearly linear neurons), so a fine trapezoid grid over [-9, 9] (error O(h^2)) is used.
 */
class MonteCarloAgainstQuadratureTest {
    private static final InputSchema SCHEMA = new InputSchema(2, 2, new double[] {0.3, 0.7});
    private static final double[] ALPHAS = {-3, -2, -1, 0, 1, 2, 3};
    private static final int TARGET = 1;
    private static final int DRAWS = 4000;

    private final DenseNetworkProbe net = TestNetworks.dense(21, new int[] {4, 8, 6, 3},
            Activation.RELU, Activation.RELU, Activation.SIGMOID);

    @Test
    void monteCarloLiesWithinThreeStandardErrorsOfTheQuadrature() {
        MonteCarloAcePlugin plugin = new MonteCarloAcePlugin();
        plugin.configure(Map.of("draws", Integer.toString(DRAWS)));
        List<InputEffect> effects = plugin.attribute(
                new AttributionRequest(net, SCHEMA, new int[] {0, 1, 2, 3}, ALPHAS, TARGET, 17), Progress.silent()).effects();
        NeuronLayout layout = net.layout();
        int total = layout.total();
        int checked = 0;
        double worst = 0;
        for (InputEffect effect : effects) {
            double[][] exact = exactAce(effect.input(), total);
            for (int v = 0; v < exact.length; v++) {
                for (int g = 0; g < total; g++) {
                    double error = Math.abs(effect.ace()[v][g] - exact[v][g]);
                    double se = effect.standardError()[v][g];
                    if (se < 1e-7) {
                        assertTrue(error < 1e-5, "deterministic neuron " + g + " off by " + error);
                        continue;
                    }
                    checked++;
                    worst = Math.max(worst, error / se);
                    assertTrue(se < 0.05, "standard error " + se + " too large to test anything");
                }
            }
        }
        assertTrue(checked > 40, "too few random neurons: " + checked);
        assertTrue(worst < 3, "worst deviation " + worst + " standard errors");
    }

    /** Exact ACE of one input by quadrature over the latents not intervened on. */
    private double[][] exactAce(int input, int total) {
        if (SCHEMA.isLatent(input)) {
            double[][] treated = new double[ALPHAS.length][];
            double[] baseline = new double[total];
            for (int a = 0; a < ALPHAS.length; a++) {
                int latent = input;
                double alpha = ALPHAS[a];
                treated[a] = expectation(1, (nodes, row) -> {
                    row[latent] = (float) alpha;
                    row[1 - latent] = nodes[0];
                    row[SCHEMA.latents() + TARGET] = 1;
                });
                for (int g = 0; g < total; g++) {
                    baseline[g] += treated[a][g] / ALPHAS.length;
                }
            }
            for (double[] t : treated) {
                for (int g = 0; g < total; g++) {
                    t[g] -= baseline[g];
                }
            }
            return treated;
        }
        int k = input - SCHEMA.latents();
        int other = 1 - k;  // with two classes the renormalised baseline is the other class for sure
        double[] withK = expectation(2, (nodes, row) -> {
            row[0] = nodes[0];
            row[1] = nodes[1];
            row[SCHEMA.latents() + k] = 1;
        });
        double[] withOther = expectation(2, (nodes, row) -> {
            row[0] = nodes[0];
            row[1] = nodes[1];
            row[SCHEMA.latents() + other] = 1;
        });
        double[] ace = new double[total];
        for (int g = 0; g < total; g++) {
            ace[g] = withK[g] - withOther[g];
        }
        return new double[][] {ace};
    }

    private interface RowBuilder {
        void build(float[] nodes, float[] row);
    }

    /** E over standard normal nodes (dimensions 1 or 2) of every neuron, on a trapezoid grid weighted by the density. */
    private double[] expectation(int dimensions, RowBuilder builder) {
        int m = dimensions == 1 ? 18001 : 601;
        double h = 18.0 / (m - 1);
        int points = dimensions == 1 ? m : m * m;
        int width = SCHEMA.size();
        float[] rows = new float[points * width];
        double[] weights = new double[points];
        double weightSum = 0;
        float[] row = new float[width];
        for (int p = 0; p < points; p++) {
            double zi = -9 + h * (p % m);
            double zj = -9 + h * (p / m);
            java.util.Arrays.fill(row, 0f);
            builder.build(new float[] {(float) zi, (float) zj}, row);
            System.arraycopy(row, 0, rows, p * width, width);
            weights[p] = Math.exp(-0.5 * zi * zi) * (dimensions == 1 ? 1 : Math.exp(-0.5 * zj * zj));
            weightSum += weights[p];
        }
        for (int p = 0; p < points; p++) {
            weights[p] /= weightSum;
        }
        float[] y = net.forwardNeuronRows(rows, points);
        int total = net.layout().total();
        double[] e = new double[total];
        for (int p = 0; p < points; p++) {
            for (int g = 0; g < total; g++) {
                e[g] += weights[p] * y[p * total + g];
            }
        }
        return e;
    }
}

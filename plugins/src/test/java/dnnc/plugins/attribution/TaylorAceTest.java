package dnnc.plugins.attribution;

import dnnc.api.AttributionRequest;
import dnnc.api.AttributionResult;
import dnnc.api.InputEffect;
import dnnc.api.InputSchema;
import dnnc.api.Progress;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe.Activation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaylorAceTest {
    private static final InputSchema SCHEMA = new InputSchema(3, 3, new double[] {0.2, 0.3, 0.5});
    private static final double[] ALPHAS = {-2, 0, 1, 3};
    private static final int TARGET = 1;

    /** E[x^T Q x + b x] for x with mean mu and covariance cov: mu^T Q mu + b mu + tr(Q cov). */
    private static double expectation(QuadraticProbe probe, int o, double[] mu, double[][] cov) {
        double e = probe.value(o, mu);
        for (int i = 0; i < mu.length; i++) {
            for (int j = 0; j < mu.length; j++) {
                e += probe.q[o][i][j] * cov[j][i];
            }
        }
        return e;
    }

    private static double[][] latentCovariance(int excluded) {
        double[][] cov = new double[SCHEMA.size()][SCHEMA.size()];
        for (int j = 0; j < SCHEMA.latents(); j++) {
            cov[j][j] = j == excluded ? 0 : 1;
        }
        return cov;
    }

    private static AttributionResult run(NetworkProbeFactory factory, Map<String, String> params) {
        TaylorAcePlugin plugin = new TaylorAcePlugin();
        plugin.configure(params);
        return plugin.attribute(new AttributionRequest(factory.get(), SCHEMA, new int[] {0, 1, 2, 3, 4, 5}, ALPHAS, TARGET, 3),
                Progress.silent());
    }

    private interface NetworkProbeFactory {
        dnnc.api.NetworkProbe get();
    }

    @Test
    void exactOnAQuadraticWithGradientAndForwardDifferences() {
        QuadraticProbe probe = new QuadraticProbe(SCHEMA.size(), 2, 8);
        for (String curvature : new String[] {"gradient-differences", "forward-differences"}) {
            String step = curvature.startsWith("gradient") ? "0.01" : "0.25";
            AttributionResult result = run(() -> probe, Map.of("curvature", curvature, "step", step, "compare", "false"));
            int out = SCHEMA.size();
            for (InputEffect effect : result.effects()) {
                int i = effect.input();
                for (int o = 0; o < 2; o++) {
                    double[] expected;
                    if (SCHEMA.isLatent(i)) {
                        expected = new double[ALPHAS.length];
                        double mean = 0;
                        for (int a = 0; a < ALPHAS.length; a++) {
                            double[] mu = new double[SCHEMA.size()];
                            mu[i] = ALPHAS[a];
                            mu[SCHEMA.latents() + TARGET] = 1;
                            expected[a] = expectation(probe, o, mu, latentCovariance(i));
                            mean += expected[a] / ALPHAS.length;
                        }
                        for (int a = 0; a < ALPHAS.length; a++) {
                            expected[a] -= mean;
                        }
                    } else {
                        int k = i - SCHEMA.latents();
                        double[] treated = new double[SCHEMA.size()];
                        treated[i] = 1;
                        double[] p = DecoderDraws.frequenciesWithout(SCHEMA, k);
                        double[] base = new double[SCHEMA.size()];
                        double[][] cov = latentCovariance(-1);
                        for (int a = 0; a < p.length; a++) {
                            base[SCHEMA.latents() + a] = p[a];
                            for (int c = 0; c < p.length; c++) {
                                cov[SCHEMA.latents() + a][SCHEMA.latents() + c] = (a == c ? p[a] : 0) - p[a] * p[c];
                            }
                        }
                        expected = new double[] {expectation(probe, o, treated, latentCovariance(-1)) - expectation(probe, o, base, cov)};
                    }
                    for (int v = 0; v < expected.length; v++) {
                        assertEquals(expected[v], effect.ace()[v][out + o], 2e-4 * (1 + Math.abs(expected[v])),
                                curvature + " input " + i + " value " + v + " output " + o);
                    }
                }
            }
        }
    }

    @Test
    void reluNetworkCollapsesToTheMeanAndReportsItsErrorAgainstMonteCarlo() {
        DenseNetworkProbe net = TestNetworks.dense(2, new int[] {6, 10, 4}, Activation.RELU, Activation.SIGMOID);
        AttributionResult result = run(() -> net, Map.of("draws", "400"));
        double max = (double) result.diagnostics().get("taylor_max_abs_error_vs_mc");
        double mean = (double) result.diagnostics().get("taylor_mean_abs_error_vs_mc");
        assertTrue(max >= mean && mean > 0, "error must be measured: " + result.diagnostics());
        AttributionResult forward = run(() -> net, Map.of("curvature", "forward-differences", "compare", "false"));
        // with H = 0 almost everywhere both curvature methods see (nearly) nothing but f(mu)
        double largest = 0;
        for (int q = 0; q < result.effects().size(); q++) {
            for (int v = 0; v < result.effects().get(q).ace().length; v++) {
                for (int g = 0; g < result.layout().total(); g++) {
                    largest = Math.max(largest, Math.abs(result.effects().get(q).ace()[v][g] - forward.effects().get(q).ace()[v][g]));
                }
            }
        }
        assertTrue(largest < 0.05, "curvature methods disagree by " + largest);
    }
}

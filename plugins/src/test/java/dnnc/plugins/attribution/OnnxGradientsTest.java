package dnnc.plugins.attribution;

import dnnc.api.AttributionRequest;
import dnnc.api.InputEffect;
import dnnc.api.InputSchema;
import dnnc.api.InvalidInputException;
import dnnc.api.Lesion;
import dnnc.api.NetworkProbe;
import dnnc.api.Progress;
import dnnc.api.TensorSelection;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe.Activation;
import dnnc.plugins.network.SeededDenseNetworks;
import dnnc.plugins.support.NetworkFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gradient methods on a network file: ONNX Runtime computes no gradients, so the ONNX engine takes central finite
 * differences of forward passes. Checked against the chain rule written out for a small sigmoid network, and the
 * Taylor ACE on the study decoder's shape against the built-in engine's (analytic gradients).
 */
class OnnxGradientsTest {
    @TempDir
    Path dir;

    private NetworkProbe exported(DenseNetworkProbe net, String name) {
        Path file = dir.resolve(name);
        NetworkFormats.named("onnx").writeDense(net.denseLayers().orElseThrow(), file);
        List<String> layers = net.layers().stream().skip(1).map(l -> l.name()).toList();
        return NetworkFormats.named("onnx").openProbe(file, new TensorSelection(null, layers), 512);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void finiteDifferencesGiveTheChainRulesGradientOfASigmoidNetwork() {
        DenseNetworkProbe net = TestNetworks.dense(3, new int[] {3, 4, 2}, Activation.SIGMOID, Activation.SIGMOID);
        NetworkProbe onnx = exported(net, "sigmoid.onnx");
        int rows = 5;
        float[] x = new float[rows * 3];
        Random random = new Random(4);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * random.nextGaussian());
        }
        float[][] w1 = net.weights(0);
        float[][] w2 = net.weights(1);
        double worst = 0;
        for (int r = 0; r < rows; r++) {
            // h = s(W1^T x + b1), y = s(W2^T h + b2): dh_k/dx_j = h_k (1 - h_k) W1[j][k], dy_o/dx_j = y_o (1 - y_o) sum_k W2[k][o] dh_k/dx_j
            double[] h = new double[4];
            for (int k = 0; k < 4; k++) {
                double z = net.biases(0)[k];
                for (int j = 0; j < 3; j++) {
                    z += x[r * 3 + j] * w1[j][k];
                }
                h[k] = sigmoid(z);
            }
            for (int o = 0; o < 2; o++) {
                double z = net.biases(1)[o];
                for (int k = 0; k < 4; k++) {
                    z += h[k] * w2[k][o];
                }
                double y = sigmoid(z);
                float[] fd = onnx.inputGradient(x, rows, 2, o, Lesion.none());
                for (int j = 0; j < 3; j++) {
                    double chain = 0;
                    for (int k = 0; k < 4; k++) {
                        chain += w2[k][o] * h[k] * (1 - h[k]) * w1[j][k];
                    }
                    chain *= y * (1 - y);
                    worst = Math.max(worst, Math.abs(fd[r * 3 + j] - chain));
                }
            }
            for (int k = 0; k < 4; k++) {
                float[] fd = onnx.inputGradient(x, rows, 1, k, Lesion.none());
                for (int j = 0; j < 3; j++) {
                    worst = Math.max(worst, Math.abs(fd[r * 3 + j] - h[k] * (1 - h[k]) * w1[j][k]));
                }
            }
        }
        assertTrue(worst < 1e-4, "finite differences within float32 rounding of the chain rule; worst " + worst);
    }

    private static final InputSchema STUDY = new InputSchema(10, 10, new double[] {.1, .1, .1, .1, .1, .1, .1, .1, .1, .1});
    private static final int[] STUDY_DECODER = {20, 128, 256, 512, 784};

    /** Absolute differences of the ONNX engine's Taylor ACE from the built-in engine's, sorted ascending. */
    private double[] taylorDifferences(DenseNetworkProbe decoder, String curvature) {
        NetworkProbe onnx = exported(decoder, "decoder.onnx");
        TaylorAcePlugin taylor = new TaylorAcePlugin();
        taylor.configure(Map.of("curvature", curvature, "compare", "false"));
        int[] inputs = {0, 15};
        double[] alphas = {-2, 2};
        List<InputEffect> builtin = taylor.attribute(new AttributionRequest(decoder, STUDY, inputs, alphas, 5, 1), Progress.silent()).effects();
        List<InputEffect> fromFile = taylor.attribute(new AttributionRequest(onnx, STUDY, inputs, alphas, 5, 1), Progress.silent()).effects();
        double[] errors = TaylorAce.absoluteErrors(fromFile, builtin);
        java.util.Arrays.sort(errors);
        return errors;
    }

    /** The first-order estimate f(mu), which is what the expansion gives a ReLU network such as the study's decoder. */
    @Test
    void firstOrderTaylorAceOfTheStudyDecodersShapeEqualsTheBuiltInEngines() {
        double[] errors = taylorDifferences(SeededDenseNetworks.decoder(7, STUDY_DECODER), "none");
        assertTrue(errors[errors.length - 1] < 1e-5, "within float rounding; worst " + errors[errors.length - 1]);
    }

    /**
     * With the curvature from differences of input gradients, on a smooth decoder (a ReLU network's curvature is a
     * spike wherever a kink falls between the points, in either engine): mean |ACE| here is 0.023; measured median
     * difference 2.5e-5, worst 3.0e-4 (on 20-128-256-512-784 sigmoid layers 3.7e-5 and 4.5e-4 of 0.010).
     */
    @Test
    void secondOrderTaylorAceFromFiniteDifferenceGradientsAgreesWithAnalyticGradients() {
        DenseNetworkProbe smooth = TestNetworks.dense(7, new int[] {20, 64, 128, 196}, Activation.SIGMOID, Activation.SIGMOID, Activation.SIGMOID);
        double[] errors = taylorDifferences(smooth, "gradient-differences");
        assertTrue(errors[errors.length / 2] < 1e-4, "median " + errors[errors.length / 2]);
        assertTrue(errors[errors.length - 1] < 1e-3, "worst " + errors[errors.length - 1]);
    }

    @Test
    void inputsWiderThanTheLimitAreRefusedNamingWhatToUse() {
        DenseNetworkProbe wide = TestNetworks.dense(5, new int[] {300, 2}, Activation.SIGMOID);
        NetworkProbe onnx = exported(wide, "wide.onnx");
        String message = assertThrows(InvalidInputException.class, () -> onnx.inputGradient(new float[300], 1, 1, 0, Lesion.none())).getMessage();
        assertTrue(message.contains("wide.onnx takes 300 input features"), message);
        assertTrue(message.contains("gradient-inputs=256"), message);
        assertTrue(message.contains("use network-ace or ace-monte-carlo"), message);
        assertEquals(1, message.lines().count());
    }
}

package dnnc.onnx;

import dnnc.api.Activations;
import dnnc.api.InvalidInputException;
import dnnc.api.Lesion;
import dnnc.api.NetworkProbe;

import java.lang.ref.SoftReference;
import java.util.Arrays;

/**
 * Input gradients of a network that computes no gradients (ONNX Runtime runs forward passes only), by central
 * differences on the five-point stencil, h = {@link #STEP} * max(1, |x_j|): the error is of order h^4 times the
 * fifth derivative plus float32 rounding of the forward pass (about 1e-6 after 512-term sums) over h, so a wide
 * step keeps the rounding small: against analytic gradients, the Taylor ACE of a sigmoid decoder of the study's
 * shape was off by a median 5% of its mean effect with the two-point difference at h = 1e-3, 0.35% here. A ReLU
 * kink within 2h of x gives a mean of the slopes across it. It costs 4 forward passes per input feature per row, so
 * inputs wider than {@code limit} features are refused. One call computes every neuron's gradients at once and keeps them for the same
 * rows and lesion, since gradient methods ask for one neuron at a time on the same rows.
 */
final class FiniteDifferenceGradients {
    static final double STEP = 5e-2;
    /** The five-point stencil f'(x) ~= (f(x - 2h) - 8 f(x - h) + 8 f(x + h) - f(x + 2h)) / 12h: shifts in h, weights. */
    private static final int[] SHIFTS = {-2, -1, 1, 2};
    private static final double[] WEIGHTS = {1 / 12.0, -8 / 12.0, 8 / 12.0, -1 / 12.0};
    /** Rows fed to one forward pass: each input row becomes 4 x width shifted rows. */
    private static final int SHIFTED_ROWS_PER_PASS = 4096;

    private final NetworkProbe network;
    private final int limit;
    private final String file;
    private SoftReference<Jacobian> last = new SoftReference<>(null);

    /** Every layer's derivatives of the rows {@code inputs} under {@code lesion}: per layer, (row, input, neuron) row-major. */
    private record Jacobian(float[] inputs, Lesion lesion, float[][] byLayer) {
    }

    FiniteDifferenceGradients(NetworkProbe network, int limit, String file) {
        this.network = network;
        this.limit = limit;
        this.file = file;
    }

    /** d(neuron of layer)/d(input), row-major rows x inputs. */
    float[] inputGradient(float[] inputs, int rows, int layer, int neuron, Lesion lesion) {
        int width = network.inputSize();
        if (width > limit) {
            throw new InvalidInputException(file + " takes " + width + " input features; dnnc computes an ONNX network's gradients by finite "
                    + "differences (4 forward passes per feature and row), for at most gradient-inputs=" + limit
                    + " features: use network-ace or ace-monte-carlo (forward passes only), or raise gradient-inputs");
        }
        float[][] byLayer = jacobian(inputs, rows, lesion).byLayer();
        int size = network.layers().get(layer).size();
        float[] gradient = new float[rows * width];
        for (int i = 0; i < rows * width; i++) {
            gradient[i] = byLayer[layer][i * size + neuron];
        }
        return gradient;
    }

    private synchronized Jacobian jacobian(float[] inputs, int rows, Lesion lesion) {
        Jacobian cached = last.get();
        if (cached != null && cached.lesion() == lesion && Arrays.equals(cached.inputs(), 0, cached.inputs().length, inputs, 0, rows * network.inputSize())) {
            return cached;
        }
        Jacobian computed = compute(Arrays.copyOf(inputs, rows * network.inputSize()), rows, lesion);
        last = new SoftReference<>(computed);
        return computed;
    }

    private Jacobian compute(float[] inputs, int rows, Lesion lesion) {
        int width = network.inputSize();
        int layers = network.layers().size();
        float[][] byLayer = new float[layers][];
        for (int l = 0; l < layers; l++) {
            byLayer[l] = new float[rows * width * network.layers().get(l).size()];
        }
        int rowsPerPass = Math.max(1, SHIFTED_ROWS_PER_PASS / (SHIFTS.length * width));
        for (int from = 0; from < rows; from += rowsPerPass) {
            int count = Math.min(rowsPerPass, rows - from);
            float[] shifted = new float[count * width * SHIFTS.length * width];
            double[] step = new double[count * width];
            for (int r = 0; r < count; r++) {
                for (int j = 0; j < width; j++) {
                    float x = inputs[(from + r) * width + j];
                    // a step that is exact in float32 next to x, so that x + k h is fed exactly as the stencil assumes
                    float h = (float) ((x + STEP * Math.max(1, Math.abs(x))) - x);
                    step[r * width + j] = h;
                    for (int k = 0; k < SHIFTS.length; k++) {
                        int row = (r * width + j) * SHIFTS.length + k;
                        System.arraycopy(inputs, (from + r) * width, shifted, row * width, width);
                        shifted[row * width + j] = x + SHIFTS[k] * h;
                    }
                }
            }
            Activations y = network.forward(shifted, count * width * SHIFTS.length, lesion);
            for (int l = 0; l < layers; l++) {
                int size = network.layers().get(l).size();
                float[] values = y.layer(l);
                for (int q = 0; q < count * width; q++) {
                    int base = q * SHIFTS.length * size;
                    int target = (from * width + q) * size;
                    for (int n = 0; n < size; n++) {
                        double sum = 0;
                        for (int k = 0; k < SHIFTS.length; k++) {
                            sum += WEIGHTS[k] * values[base + k * size + n];
                        }
                        byLayer[l][target + n] = (float) (sum / step[q]);
                    }
                }
            }
        }
        return new Jacobian(inputs, lesion, byLayer);
    }
}

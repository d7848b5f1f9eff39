package dnnc.plugins.testing;

import dnnc.api.AttributionResult;
import dnnc.api.ConditionalGenerator;
import dnnc.api.InputEffect;
import dnnc.api.NeuronLayout;
import dnnc.api.InputSchema;
import dnnc.api.NetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe.Activation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small generators with known or random decoders, shaped like the cVAE's (10 latents, 10 classes, 28 x 28). */
public final class GeneratorFixtures {
    public static final int LATENTS = 10;
    public static final int CLASSES = 10;
    public static final int SIDE = 28;

    private GeneratorFixtures() {
    }

    public static ConditionalGenerator of(DenseNetworkProbe decoder) {
        double[] freq = new double[CLASSES];
        Arrays.fill(freq, 1.0 / CLASSES);
        InputSchema schema = new InputSchema(LATENTS, CLASSES, freq);
        return new ConditionalGenerator() {
            @Override
            public NetworkProbe decoder() {
                return decoder;
            }

            @Override
            public InputSchema inputs() {
                return schema;
            }

            @Override
            public int imageRows() {
                return SIDE;
            }

            @Override
            public int imageCols() {
                return SIDE;
            }

            @Override
            public double[] klPerLatent() {
                return new double[LATENTS];
            }

            @Override
            public String sha256() {
                return "fixture";
            }

            @Override
            public Map<String, Object> metrics() {
                return Map.of();
            }
        };
    }

    /** 20 -> 16 (ReLU) -> 784 (sigmoid) with seeded Gaussian weights. */
    public static ConditionalGenerator random(long seed) {
        Random random = new Random(seed);
        float[][] w1 = gaussian(random, LATENTS + CLASSES, 16, 0.8);
        float[][] w2 = gaussian(random, 16, SIDE * SIDE, 0.8);
        return of(new DenseNetworkProbe(List.of("input", "hidden", "pixels"), List.of(w1, w2),
                List.of(new float[16], new float[SIDE * SIDE]), List.of(Activation.RELU, Activation.SIGMOID)));
    }

    /**
     * One sigmoid layer in which only z_3 matters: a horizontal bar is lit by +z_3 and a vertical bar by -z_3,
     * every other pixel is off (bias -30). So the digit turns by 90 degrees and changes ink area as z_3 moves.
     */
    public static ConditionalGenerator crossFadingBars() {
        int pixels = SIDE * SIDE;
        float[][] w = new float[LATENTS + CLASSES][pixels];
        float[] bias = new float[pixels];
        Arrays.fill(bias, -30f);
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                int p = r * SIDE + c;
                if (horizontal(r, c)) {
                    w[3][p] = 1f;
                    bias[p] = 0f;
                } else if (vertical(r, c)) {
                    w[3][p] = -1f;
                    bias[p] = 0f;
                }
            }
        }
        return of(new DenseNetworkProbe(List.of("input", "pixels"), List.<float[][]>of(w), List.of(bias), List.of(Activation.SIGMOID)));
    }

    public static boolean horizontal(int r, int c) {
        return r >= 13 && r <= 14 && c >= 4 && c <= 23;
    }

    public static boolean vertical(int r, int c) {
        return c >= 13 && c <= 14 && r >= 4 && r <= 23 && !horizontal(r, c);
    }

    /**
     * ACE of z_3 over alphas {-2, 2} on the cross-fading bars: +0.38 on the bar that is lit, -0.38 on the other, and
     * +0.1 on one background pixel at alpha +2 (off the strokes).
     */
    public static AttributionResult barsAttribution(ConditionalGenerator model) {
        NeuronLayout layout = model.decoder().layout();
        int offset = layout.offset(1);
        double[][] ace = new double[2][layout.total()];
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                int g = offset + r * SIDE + c;
                if (horizontal(r, c)) {
                    ace[0][g] = -0.38;
                    ace[1][g] = 0.38;
                } else if (vertical(r, c)) {
                    ace[0][g] = 0.38;
                    ace[1][g] = -0.38;
                }
            }
        }
        ace[1][offset] = 0.1;
        return new AttributionResult("hand", layout, List.of(new InputEffect(3, new double[] {-2, 2}, ace, null)), null, Map.of());
    }

    private static float[][] gaussian(Random random, int rows, int cols, double scale) {
        float[][] w = new float[rows][cols];
        for (float[] row : w) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (random.nextGaussian() * scale);
            }
        }
        return w;
    }
}

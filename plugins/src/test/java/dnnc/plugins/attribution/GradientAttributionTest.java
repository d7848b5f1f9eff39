package dnnc.plugins.attribution;

import dnnc.api.AttributionRequest;
import dnnc.api.InputSchema;
import dnnc.api.InvalidInputException;
import dnnc.api.Lesion;
import dnnc.api.NeuronAttribution;
import dnnc.api.Progress;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe.Activation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GradientAttributionTest {
    private static final InputSchema SCHEMA = new InputSchema(4, 3, new double[] {0.3, 0.3, 0.4});

    private static AttributionRequest request(DenseNetworkProbe net) {
        return new AttributionRequest(net, SCHEMA, new int[0], new double[] {0}, 2, 13);
    }

    @Test
    void saliencyOfALinearNetworkIsItsWeightWithNoSpread() {
        DenseNetworkProbe net = TestNetworks.dense(6, new int[] {7, 5, 3}, Activation.IDENTITY, Activation.IDENTITY);
        SaliencyPlugin plugin = new SaliencyPlugin();
        plugin.configure(Map.of("layer", "2", "neuron", "1", "draws", "50"));
        NeuronAttribution a = plugin.attribute(request(net), Progress.silent()).neuron();
        double[][][] maps = TestNetworks.linearMaps(net);
        for (int i = 0; i < SCHEMA.size(); i++) {
            assertEquals(maps[2][i][1], a.perInput()[i], 1e-5);
            assertEquals(0, a.standardError()[i], 1e-6);
        }
        assertEquals(2, a.layer());
        assertEquals(1, a.neuron());
    }

    @Test
    void integratedGradientsAreCompleteWithinOnePercent() {
        DenseNetworkProbe net = TestNetworks.dense(7, new int[] {7, 12, 8, 4}, Activation.RELU, Activation.RELU, Activation.SIGMOID);
        IntegratedGradientsPlugin plugin = new IntegratedGradientsPlugin();
        plugin.configure(Map.of("layer", "3", "neuron", "2", "draws", "200", "steps", "128", "chunk", "64"));
        AttributionRequest request = request(net);
        NeuronAttribution a = plugin.attribute(request, Progress.silent()).neuron();
        // the gain y(x) - y(0) computed here independently from the same seeded draws
        DecoderDraws draws = new DecoderDraws(SCHEMA, 200, 13);
        float[] x = GradientAttribution.inputs(request, draws, 0, 200);
        float[] y = net.forward(x, 200, Lesion.none()).output();
        float y0 = net.forward(new float[SCHEMA.size()], 1, Lesion.none()).output()[2];
        double gain = 0;
        for (int s = 0; s < 200; s++) {
            gain += (y[s * 4 + 2] - y0) / 200.0;
        }
        double sum = java.util.Arrays.stream(a.perInput()).sum();
        assertEquals(gain, sum, 0.01 * Math.abs(gain), "completeness");
        assertEquals(true, Math.abs(gain) > 1e-3, "the test needs a neuron that moves");
        // inputs held at 0 on every draw (the one-hot class block except the target) get nothing
        assertEquals(0, a.perInput()[SCHEMA.latents()], 0.0);
    }

    @Test
    void sameSeedGivesTheSameNumbersAndBadNeuronIsRejected() {
        DenseNetworkProbe net = TestNetworks.dense(8, new int[] {7, 6, 3}, Activation.RELU, Activation.SIGMOID);
        SaliencyPlugin one = new SaliencyPlugin();
        SaliencyPlugin two = new SaliencyPlugin();
        NeuronAttribution a = one.attribute(request(net), Progress.silent()).neuron();
        NeuronAttribution b = two.attribute(request(net), Progress.silent()).neuron();
        assertArrayEquals(a.perInput(), b.perInput(), 0.0);
        assertArrayEquals(a.standardError(), b.standardError(), 0.0);
        one.configure(Map.of("neuron", "3"));
        assertThrows(InvalidInputException.class, () -> one.attribute(request(net), Progress.silent()));
    }
}

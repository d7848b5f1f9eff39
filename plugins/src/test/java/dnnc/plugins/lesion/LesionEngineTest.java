package dnnc.plugins.lesion;

import dnnc.api.InputSchema;
import dnnc.api.Lesion;
import dnnc.api.NeuronLayout;
import dnnc.plugins.network.DenseNetworkProbe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class LesionEngineTest {
    private static final InputSchema SCHEMA = new InputSchema(4, 3, new double[] {0.3, 0.3, 0.4});

    private static EvaluationDesign design() {
        return EvaluationDesign.of(SCHEMA, 1, new double[] {-2, 0, 2}, 9, 2, 11L);
    }

    private static List<Lesion> randomLesions(NeuronLayout layout, int count, long seed) {
        Random random = new Random(seed);
        int[] all = IntStream.range(0, layout.total()).toArray();
        List<Lesion> lesions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lesions.add(Lesion.ofGlobal(layout, RandomProbes.sample(random, all, 1 + random.nextInt(12))));
        }
        return lesions;
    }

    @Test
    void incrementalBatchedOutputsEqualFullForwardPassesExactly() {
        DenseNetworkProbe probe = RandomProbes.small(3L);
        EvaluationDesign d = design();
        List<Lesion> lesions = randomLesions(probe.layout(), 40, 5L);
        // a small stack limit forces several chunks per first-layer group
        LesionEngine engine = new LesionEngine(probe, d.inputs(), d.rows(), 4 * d.rows());
        List<float[]> incremental = engine.outputs(lesions);
        for (int i = 0; i < lesions.size(); i++) {
            float[] full = probe.forward(d.inputs(), d.rows(), lesions.get(i)).output();
            assertArrayEquals(full, incremental.get(i), "lesion " + i + " " + lesions.get(i).neuronsByLayer().keySet());
        }
    }

    @Test
    void singleLesionResumeEqualsFullForwardPassOnAnyProbe() {
        DenseNetworkProbe probe = RandomProbes.small(4L);
        EvaluationDesign d = design();
        LesionEngine engine = new LesionEngine(new ForwardingProbe(probe), d.inputs(), d.rows());
        for (Lesion lesion : randomLesions(probe.layout(), 10, 6L)) {
            assertArrayEquals(probe.forward(d.inputs(), d.rows(), lesion).output(), engine.output(lesion));
        }
    }

    @Test
    void lesioningNothingChangesNothing() {
        DenseNetworkProbe probe = RandomProbes.small(5L);
        EvaluationDesign d = design();
        LesionEngine engine = new LesionEngine(probe, d.inputs(), d.rows());
        float[] intact = probe.forward(d.inputs(), d.rows(), Lesion.none()).output();
        assertArrayEquals(intact, engine.output(Lesion.none()));
        assertArrayEquals(intact, engine.intactOutput());
    }

    @Test
    void lesioningEveryHiddenNeuronMakesTheOutputConstantInZ() {
        DenseNetworkProbe probe = RandomProbes.small(6L);
        NeuronLayout layout = probe.layout();
        EvaluationDesign d = design();
        int[] hidden = IntStream.range(0, layout.total()).filter(layout::isHidden).toArray();
        LesionEngine engine = new LesionEngine(probe, d.inputs(), d.rows());
        float[] out = engine.output(Lesion.ofGlobal(layout, hidden));
        int pixels = 25;
        float[] first = java.util.Arrays.copyOf(out, pixels);
        for (int r = 1; r < d.rows(); r++) {
            assertArrayEquals(first, java.util.Arrays.copyOfRange(out, r * pixels, (r + 1) * pixels), "row " + r);
        }
        // and the intact network is not constant, so the check can fail
        float[] intact = engine.intactOutput();
        assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOf(intact, pixels),
                java.util.Arrays.copyOfRange(intact, pixels, 2 * pixels)));
        assertEquals(1f / (1f + (float) Math.exp(-probe.biases(2)[0])), first[0], 1e-6f);
    }
}

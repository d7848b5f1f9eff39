package dnnc.plugins.lesion;

import dnnc.api.ReconstructionBatch;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The network criteria on three rows of three outputs, solved by hand. */
class NetworkCriteriaTest {
    private static final float[] INTACT = {
            2, 1, 0,      // predicts 0
            0, 3, 1,      // predicts 1
            1, 0, 5};     // predicts 2
    private static final float[] LESIONED = {
            0, 1, 0,      // predicts 1
            0, 3, 1,      // predicts 1
            6, 0, 5};     // predicts 0
    private static final int[] LABELS = {0, 2, 0};

    private static ReconstructionBatch batch() {
        return new ReconstructionBatch(LESIONED, INTACT, 3, 0, 0, -1, null, LABELS);
    }

    @Test
    void accuracyDamageIsTheChangeInWrongPredictionsSoItsMeanIsTheAccuracyDrop() {
        // row 0: intact right, lesioned wrong (+1); row 1: both wrong (0); row 2: intact wrong, lesioned right (-1)
        assertArrayEquals(new double[] {1, 0, -1}, new AccuracyCriterion().damage(batch()));
    }

    @Test
    void agreementFailsWhereTheTopClassChanged() {
        assertArrayEquals(new double[] {1, 0, 1}, new AgreementCriterion().damage(batch()));
    }

    @Test
    void outputDistanceIsTheMeanSquaredErrorOrBinaryCrossEntropyPerRow() {
        assertArrayEquals(new double[] {4 / 3.0, 0, 25 / 3.0}, new OutputDistanceCriterion().damage(batch()), 1e-12);
        OutputDistanceCriterion bce = new OutputDistanceCriterion();
        bce.configure(Map.of("loss", "bce"));
        float[] intact = {0.5f, 1f};
        float[] lesioned = {0.25f, 0.5f};
        double[] damage = bce.damage(new ReconstructionBatch(lesioned, intact, 1, 0, 0, -1, null, null));
        double expected = (-(0.5 * Math.log(0.25) + 0.5 * Math.log(0.75)) - Math.log(0.5)) / 2;
        assertEquals(expected, damage[0], 1e-12);
    }

    @Test
    void networkCriteriaEvaluateOnDataRowsAndSilenceHiddenUnitsByDefault() {
        var design = new AgreementCriterion().design(9);
        assertEquals(500, design.draws());
        assertEquals(true, design.hiddenOnly());
        assertEquals(true, new AccuracyCriterion().needsLabels());
    }
}

package dnnc.bench.benchmarks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The work the limits' derived figures divide by, against counts done by hand. */
class WorkCountsTest {
    @Test
    void theDecoderIsTwentyInputsThroughThreeHiddenLayersToTheImage() {
        assertArrayEquals(new int[] {20, 128, 256, 512, 784}, WorkCounts.decoderWidths());
    }

    @Test
    void aDecoderRowIsTwoFlopsPerWeight() {
        // 20*128 + 128*256 + 256*512 + 512*784 = 2,560 + 32,768 + 131,072 + 401,408 = 567,808 multiply-adds
        assertEquals(1_135_616.0, WorkCounts.flopsPerRow(WorkCounts.decoderWidths()));
        assertEquals(2.0 * 3 * 5, WorkCounts.flopsPerRow(new int[] {3, 5}));
        assertEquals(WorkCounts.flopsPerRow(WorkCounts.decoderWidths()), DecoderShapes.flopsPerRow(DecoderShapes.decoder(1, 1.0)));
    }

    @Test
    void theAceOfAllInputsIsEightyInterventionsAndZOneSeven() {
        assertEquals(80, WorkCounts.ACE_ALL_INPUTS_INTERVENTIONS);
        assertEquals(7, WorkCounts.ACE_Z1_INTERVENTIONS);
    }

    @Test
    void anApIterationMovesFiveMatricesOfNSquaredValues() {
        assertEquals(115_600_000.0, WorkCounts.apIterationBytes(1700, 8)); // 5 x 2,890,000 x 8
        assertEquals(57_800_000.0, WorkCounts.apIterationBytes(1700, 4));
        assertEquals(1_000_000_000.0, WorkCounts.apIterationBytes(5000, 8)); // 5 x 25,000,000 x 8: past int range
    }
}

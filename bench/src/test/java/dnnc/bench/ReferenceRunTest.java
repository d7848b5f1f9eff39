package dnnc.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the reference scripts print, read into keys beside ours. */
class ReferenceRunTest {
    @Test
    void torchsSgemmLineBecomesTheLimitsKeys() {
        Map<String, Double> figures = ReferenceRun.sgemmFigures("decoder_gflop_per_s=183.98 peak_gflop_per_s=189.07 threads=2\n");
        assertEquals(Map.of("sgemm.decoder.gflop_per_s", 183.98, "sgemm.peak.gflop_per_s", 189.07, "sgemm.threads", 2.0), figures);
    }

    @Test
    void aLineWithoutAFigureIsAnErrorNotAMissingRow() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReferenceRun.sgemmFigures("decoder_gflop_per_s=183.98 threads=2"));
        assertTrue(e.getMessage().contains("peak_gflop_per_s"), e.getMessage());
    }

    @Test
    void theSgemmScriptIsPackagedWithTheOthers() {
        assertTrue(ReferenceRun.SCRIPTS.contains("reference_sgemm.py"));
        assertTrue(ReferenceRun.class.getResource("/dnnc/bench/reference/reference_sgemm.py") != null);
    }
}

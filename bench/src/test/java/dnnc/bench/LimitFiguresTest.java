package dnnc.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures held against the machine's limits, on numbers worked out by hand. */
class LimitFiguresTest {
    private static final double TOLERANCE = 1e-9;
    private static final Map<String, Double> LIMITS = Map.of(
            "limits.sgemm.peak.gflop_per_s", 200.0,
            "limits.sgemm.decoder.gflop_per_s", 150.0,
            "limits.bandwidth.gb_per_s", 50.0);

    private static Map<String, Double> with(Map<String, Double> base, Map<String, Double> more) {
        Map<String, Double> all = new java.util.HashMap<>(base);
        all.putAll(more);
        return all;
    }

    @Test
    void theAceOfAllInputsAsGflopsAndAsAFractionOfTheSgemmLimits() {
        // 100,000 rows/s x 1,135,616 FLOP/row; 0.8 s of it = 80,000 rows = 90.849 GFLOP
        Map<String, Double> ours = with(LIMITS, Map.of("ace.all_inputs.rows_per_s", 100_000.0, "ace.all_inputs.s", 0.8));
        Map<String, Double> derived = LimitFigures.derive(ours, Map.of()).ours();
        assertEquals(113.5616, derived.get("limits.ace.all_inputs.gflop_per_s"), TOLERANCE);
        assertEquals(113.5616 / 200, derived.get("limits.ace.all_inputs.of_sgemm_peak"), TOLERANCE);
        assertEquals(113.5616 / 150, derived.get("limits.ace.all_inputs.of_sgemm_decoder"), TOLERANCE);
        assertEquals(90.84928 / 200, derived.get("limits.ace.all_inputs.floor_s"), TOLERANCE);
    }

    @Test
    void theReferencesAceOfZOneAgainstPyTorchsOwnSgemm() {
        // 7 x 1,000 rows x 1,135,616 FLOP in 0.07 s
        Map<String, Double> reference = Map.of("ace_z1", 0.07, "sgemm.peak.gflop_per_s", 227.1232, "sgemm.decoder.gflop_per_s", 141.952);
        Map<String, Double> derived = LimitFigures.derive(LIMITS, reference).reference();
        assertEquals(113.5616, derived.get("limits.ace_z1.gflop_per_s"), TOLERANCE);
        assertEquals(0.5, derived.get("limits.ace_z1.of_sgemm_peak"), TOLERANCE);
        assertEquals(0.8, derived.get("limits.ace_z1.of_sgemm_decoder"), TOLERANCE);
    }

    @Test
    void anApIterationAsBytesMovedAgainstTheBandwidth() {
        // N = 1,700: 5 x 1,700^2 x 8 = 115.6 MB (float32: 57.8 MB) per iteration, against 50 GB/s
        Map<String, Double> ours = with(LIMITS, Map.of("clustering.ap.n1700.ms_per_iteration", 3.4,
                "clustering.ap32.n1700.ms_per_iteration", 2.0, "clustering.ap.n1700.s", 0.5));
        LimitFigures.Derived derived = LimitFigures.derive(ours, Map.of("n1700.same_matrix.ms_per_iteration", 17.0));
        assertEquals(34.0, derived.ours().get("limits.ap.n1700.gb_per_s"), TOLERANCE);
        assertEquals(0.68, derived.ours().get("limits.ap.n1700.of_bandwidth"), TOLERANCE);
        assertEquals(2.312, derived.ours().get("limits.ap.n1700.floor_ms"), TOLERANCE);
        assertEquals(28.9, derived.ours().get("limits.ap32.n1700.gb_per_s"), TOLERANCE);
        assertEquals(0.578, derived.ours().get("limits.ap32.n1700.of_bandwidth"), TOLERANCE);
        assertEquals(1.156, derived.ours().get("limits.ap32.n1700.floor_ms"), TOLERANCE);
        assertEquals(6.8, derived.reference().get("limits.n1700.same_matrix.gb_per_s"), TOLERANCE);
        assertEquals(0.136, derived.reference().get("limits.n1700.same_matrix.of_bandwidth"), TOLERANCE);
        assertEquals(6, derived.ours().size(), derived.ours().toString());
    }

    @Test
    void withoutTheLimitsInTheRunNothingIsDerivedAndANoteSaysWhy() {
        Map<String, Double> ours = Map.of("ace.all_inputs.rows_per_s", 100_000.0, "ace.all_inputs.s", 0.8,
                "clustering.ap.n1700.ms_per_iteration", 3.4);
        LimitFigures.Derived derived = LimitFigures.derive(ours, Map.of("ace_z1", 0.07));
        assertTrue(derived.ours().isEmpty() && derived.reference().isEmpty(), derived.toString());
        assertTrue(derived.notes().get(0).startsWith("limits not in this run"), derived.notes().toString());
    }

    @Test
    void theLimitsAloneDeriveNothingAndNameWhatIsMissing() {
        LimitFigures.Derived derived = LimitFigures.derive(LIMITS, Map.of());
        assertTrue(derived.ours().isEmpty() && derived.reference().isEmpty(), derived.toString());
        assertEquals(2, derived.notes().size(), derived.notes().toString());
        assertTrue(derived.notes().get(0).startsWith("ace not in this run"), derived.notes().toString());
        assertTrue(derived.notes().get(1).startsWith("clustering not in this run"), derived.notes().toString());
    }

    @Test
    void withoutPyTorchsSgemmTheReferenceAceHasItsRateButNoFraction() {
        LimitFigures.Derived derived = LimitFigures.derive(LIMITS, Map.of("ace_z1", 0.07));
        assertEquals(Map.of("limits.ace_z1.gflop_per_s", 113.5616).keySet(), derived.reference().keySet());
        assertTrue(derived.notes().stream().anyMatch(n -> n.contains("PyTorch's peak")), derived.notes().toString());
    }
}

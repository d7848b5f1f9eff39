package dnnc.bench;

import dnnc.bench.benchmarks.WorkCounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dnnc's and the reference's figures as rates of work and as fractions of the machine's limits that the {@code limits}
 * benchmark measured in the same run (and, for the reference, of PyTorch's own sgemm): GFLOP/s of the ACE, GB/s of an
 * affinity propagation iteration, and the floor each would reach at the limit. Only figures of this run are used: what
 * a missing benchmark would have given is left out, with a note saying so.
 */
public final class LimitFigures {
    /** Derived figures: ours (keys recorded as bench.KEY), the reference's (bench.reference.KEY), why any are missing. */
    public record Derived(Map<String, Double> ours, Map<String, Double> reference, List<String> notes) {
    }

    private static final Pattern AP_TIME = Pattern.compile("clustering\\.(ap|ap32)\\.n(\\d+)\\.ms_per_iteration");
    private static final Pattern SKLEARN_TIME = Pattern.compile("n(\\d+)\\.same_matrix\\.ms_per_iteration");
    private static final String PEAK = "limits.sgemm.peak.gflop_per_s";
    private static final String DECODER = "limits.sgemm.decoder.gflop_per_s";
    private static final String BANDWIDTH = "limits.bandwidth.gb_per_s";
    private static final String REFERENCE_PEAK = "sgemm.peak.gflop_per_s";
    private static final String REFERENCE_DECODER = "sgemm.decoder.gflop_per_s";

    private LimitFigures() {
    }

    public static Derived derive(Map<String, Double> ours, Map<String, Double> reference) {
        Map<String, Double> derivedOurs = new LinkedHashMap<>();
        Map<String, Double> derivedReference = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (!ours.containsKey(PEAK) || !ours.containsKey(BANDWIDTH)) {
            notes.add("limits not in this run: no figure is held against the machine's limits");
            return new Derived(derivedOurs, derivedReference, notes);
        }
        double flopsPerRow = WorkCounts.flopsPerRow(WorkCounts.decoderWidths());
        if (ours.containsKey("ace.all_inputs.rows_per_s")) {
            double gflops = ours.get("ace.all_inputs.rows_per_s") * flopsPerRow / 1e9;
            double rows = ours.get("ace.all_inputs.rows_per_s") * ours.get("ace.all_inputs.s");
            derivedOurs.put("limits.ace.all_inputs.gflop_per_s", gflops);
            derivedOurs.put("limits.ace.all_inputs.of_sgemm_peak", gflops / ours.get(PEAK));
            derivedOurs.put("limits.ace.all_inputs.of_sgemm_decoder", gflops / ours.get(DECODER));
            derivedOurs.put("limits.ace.all_inputs.floor_s", rows * flopsPerRow / (ours.get(PEAK) * 1e9));
        } else {
            notes.add("ace not in this run: no ACE figure against the sgemm limits");
        }
        if (reference.containsKey("ace_z1")) {
            double rows = (double) WorkCounts.ACE_Z1_INTERVENTIONS * ReferenceRun.ACE_DRAWS;
            double gflops = rows * flopsPerRow / reference.get("ace_z1") / 1e9;
            derivedReference.put("limits.ace_z1.gflop_per_s", gflops);
            if (reference.containsKey(REFERENCE_PEAK)) {
                derivedReference.put("limits.ace_z1.of_sgemm_peak", gflops / reference.get(REFERENCE_PEAK));
                derivedReference.put("limits.ace_z1.of_sgemm_decoder", gflops / reference.get(REFERENCE_DECODER));
            } else {
                notes.add("the reference's sgemm was not measured: its ACE is not held against PyTorch's peak");
            }
        }
        double bandwidth = ours.get(BANDWIDTH);
        boolean anyAp = false;
        for (String key : new TreeSet<>(ours.keySet())) {
            Matcher m = AP_TIME.matcher(key);
            if (m.matches()) {
                anyAp = true;
                int n = Integer.parseInt(m.group(2));
                int bytesPerValue = m.group(1).equals("ap") ? Double.BYTES : Float.BYTES;
                String prefix = "limits." + m.group(1) + ".n" + n;
                double bytes = WorkCounts.apIterationBytes(n, bytesPerValue);
                double gbps = bytes / (ours.get(key) / 1e3) / 1e9;
                derivedOurs.put(prefix + ".gb_per_s", gbps);
                derivedOurs.put(prefix + ".of_bandwidth", gbps / bandwidth);
                derivedOurs.put(prefix + ".floor_ms", 1e3 * bytes / (bandwidth * 1e9));
            }
        }
        if (!anyAp) {
            notes.add("clustering not in this run: no affinity propagation figure against the bandwidth");
        }
        for (String key : new TreeSet<>(reference.keySet())) {
            Matcher m = SKLEARN_TIME.matcher(key);
            if (m.matches()) {
                int n = Integer.parseInt(m.group(1));
                double gbps = WorkCounts.apIterationBytes(n, Double.BYTES) / (reference.get(key) / 1e3) / 1e9;
                derivedReference.put("limits.n" + n + ".same_matrix.gb_per_s", gbps);
                derivedReference.put("limits.n" + n + ".same_matrix.of_bandwidth", gbps / bandwidth);
            }
        }
        return new Derived(derivedOurs, derivedReference, notes);
    }
}

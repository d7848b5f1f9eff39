package dnnc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Our figures beside the reference's. The ratio is always "times as fast as the reference" (>1: dnnc is
 * faster): ours/theirs for rates, theirs/ours for seconds. A target is met when the ratio reaches it. The limits'
 * rows hold figures against what the machine can do ({@link LimitFigures}): a "floor" is the time at the measured
 * limit, so its ratio is the most any implementation on this machine could reach, and a target it misses is out of reach.
 */
public final class BenchTable {
    /** One row: figure keys in our results and in the reference's, and the target ratio (NaN: none). */
    public record Row(String label, String ours, String reference, boolean rate, double target) {
    }

    /** A row with its numbers (NaN when missing). */
    public record Line(Row row, double ours, double reference, double ratio) {
        public boolean hasTarget() {
            return !Double.isNaN(row.target()) && !Double.isNaN(ratio);
        }

        public boolean met() {
            return hasTarget() && ratio >= row.target();
        }
    }

    public static final List<Row> ROWS = List.of(
            new Row("training, samples/s", "training.samples_per_s", "train_samples_per_s", true, 0.7),
            new Row("decoder forward, all activations, samples/s", "decoder.forward.samples_per_s", "decoder_fwd_samples_per_s", true, 1.0),
            new Row("ACE z_1 (7 alphas x 1,000 draws), s", "ace.z1.s", "ace_z1", false, 1.0),
            new Row("ACE z_1 + per-draw features, s", "ace.z1_features.s", "ace_z1", false, 1.0),
            new Row("ACE all 20 inputs, s (ref: z_1 x 80/7 rows)", "ace.all_inputs.s", "ace_all_scaled", false, 1.5),
            new Row("Spearman N=1,700, s", "clustering.spearman.n1700.s", "n1700.spearman_s", false, 3.0),
            new Row("Spearman N=5,000, s", "clustering.spearman.n5000.s", "n5000.spearman_s", false, 3.0),
            new Row("Kendall tau-b N=1,700, s (ref: SciPy pairwise, scaled)", "clustering.kendall.n1700.s", "n1700.kendall_s", false, Double.NaN),
            new Row("affinity propagation N=1,700, s", "clustering.ap.n1700.s", "n1700.ap_s", false, 10.0),
            new Row("affinity propagation N=5,000, s", "clustering.ap.n5000.s", "n5000.ap_s", false, 10.0),
            new Row("AP iterations N=5,000 (ours | sklearn)", "clustering.ap.n5000.iterations", "n5000.iters", true, Double.NaN),
            new Row("AP per iteration N=1,700, same matrix, ms", "clustering.ap.n1700.ms_per_iteration", "n1700.same_matrix.ms_per_iteration", false, 5.0),
            new Row("AP per iteration N=5,000, same matrix, ms", "clustering.ap.n5000.ms_per_iteration", "n5000.same_matrix.ms_per_iteration", false, 5.0),
            new Row("AP float32 per iteration N=1,700, ms", "clustering.ap32.n1700.ms_per_iteration", "n1700.same_matrix.ms_per_iteration", false, Double.NaN),
            new Row("AP float32 per iteration N=5,000, ms", "clustering.ap32.n5000.ms_per_iteration", "n5000.same_matrix.ms_per_iteration", false, Double.NaN),
            new Row("dnnc similarity N=5,000 command, s (ref: in-process)", "commands.similarity.n5000.s", "clustering.spearman.n5000.s", false, 0.9),
            new Row("dnnc cluster N=5,000 command, s (ref: in-process)", "commands.cluster.n5000.s", "clustering.ap.n5000.s", false, 0.9),
            new Row("AP N=1,700 labels differing from sklearn's", "clustering.ap.n1700.sklearn_label_differences", "-", true, Double.NaN),
            new Row("AP N=5,000 labels differing from sklearn's", "clustering.ap.n5000.sklearn_label_differences", "-", true, Double.NaN),
            new Row("AP float32 N=1,700 labels differing from float64's", "clustering.ap32.n1700.label_differences", "-", true, Double.NaN),
            new Row("AP float32 N=5,000 labels differing from float64's", "clustering.ap32.n5000.label_differences", "-", true, Double.NaN),
            new Row("lesion evals/s, decoder only (ref: our forward loop)", "lesion.engine.evals_per_s", "lesion.loop.evals_per_s", true, 5.0),
            new Row("lesion evals/s, judged (ref: forward loop + SIMD judge)", "lesion.judged.engine.evals_per_s", "lesion.judged.loop.evals_per_s", true, 5.0),
            new Row("lesion evals/s, judged (ref: forward loop + graph judge)", "lesion.judged.engine.evals_per_s", "lesion.judged.loop_graph_judge.evals_per_s", true, 5.0),
            new Row("whole pipeline (reference's work, no judge), s", "pipeline.total.s", "total_without_judge", false, 1.5),
            new Row("sgemm decoder x 1,000 rows, GFLOP/s (ref: torch)", "limits.sgemm.decoder.gflop_per_s", "sgemm.decoder.gflop_per_s", true, Double.NaN),
            new Row("sgemm 2,048^3 (peak), GFLOP/s (ref: torch)", "limits.sgemm.peak.gflop_per_s", "sgemm.peak.gflop_per_s", true, Double.NaN),
            new Row("memory bandwidth, AP-like stream, GB/s", "limits.bandwidth.gb_per_s", "-", true, Double.NaN),
            new Row("memory bandwidth, copy 64 MB arrays, GB/s", "limits.bandwidth.copy.mb64.gb_per_s", "-", true, Double.NaN),
            new Row("ACE all inputs, GFLOP/s (ref: z_1)", "limits.ace.all_inputs.gflop_per_s", "limits.ace_z1.gflop_per_s", true, Double.NaN),
            new Row("ACE all inputs, of own sgemm peak (ref: torch's)", "limits.ace.all_inputs.of_sgemm_peak", "limits.ace_z1.of_sgemm_peak", true, Double.NaN),
            new Row("ACE all inputs, of own decoder-shape sgemm", "limits.ace.all_inputs.of_sgemm_decoder", "limits.ace_z1.of_sgemm_decoder", true, Double.NaN),
            new Row("ACE all inputs at sgemm peak (floor), s", "limits.ace.all_inputs.floor_s", "ace_all_scaled", false, 1.5),
            new Row("AP N=1,700 per iteration, GB/s (ref: sklearn)", "limits.ap.n1700.gb_per_s", "limits.n1700.same_matrix.gb_per_s", true, Double.NaN),
            new Row("AP N=1,700 per iteration, of bandwidth", "limits.ap.n1700.of_bandwidth", "limits.n1700.same_matrix.of_bandwidth", true, Double.NaN),
            new Row("AP N=1,700 iteration at bandwidth (floor), ms", "limits.ap.n1700.floor_ms", "n1700.same_matrix.ms_per_iteration", false, 5.0),
            new Row("AP float32 N=1,700 per iteration, GB/s", "limits.ap32.n1700.gb_per_s", "-", true, Double.NaN),
            new Row("AP float32 N=1,700 per iteration, of bandwidth", "limits.ap32.n1700.of_bandwidth", "-", true, Double.NaN),
            new Row("AP float32 N=1,700 at bandwidth (floor), ms", "limits.ap32.n1700.floor_ms", "n1700.same_matrix.ms_per_iteration", false, Double.NaN),
            new Row("AP N=5,000 per iteration, GB/s (ref: sklearn)", "limits.ap.n5000.gb_per_s", "limits.n5000.same_matrix.gb_per_s", true, Double.NaN),
            new Row("AP N=5,000 per iteration, of bandwidth", "limits.ap.n5000.of_bandwidth", "limits.n5000.same_matrix.of_bandwidth", true, Double.NaN),
            new Row("AP N=5,000 iteration at bandwidth (floor), ms", "limits.ap.n5000.floor_ms", "n5000.same_matrix.ms_per_iteration", false, 5.0),
            new Row("AP float32 N=5,000 per iteration, GB/s", "limits.ap32.n5000.gb_per_s", "-", true, Double.NaN),
            new Row("AP float32 N=5,000 per iteration, of bandwidth", "limits.ap32.n5000.of_bandwidth", "-", true, Double.NaN),
            new Row("AP float32 N=5,000 at bandwidth (floor), ms", "limits.ap32.n5000.floor_ms", "n5000.same_matrix.ms_per_iteration", false, Double.NaN),
            new Row("study workflow, s (ref: reference pipeline)", "study.s", "total", false, 1.0),
            new Row("study cold (fresh model cache), s (ref: 2.5-min budget)", "study.s", "study.cold_budget.s", false, 1.0),
            new Row("study warm (models cached), s (ref: 1-min budget)", "study.warm.s", "study.warm_budget.s", false, 1.0));

    private BenchTable() {
    }

    public static List<Line> lines(Map<String, Double> ours, Map<String, Double> reference) {
        List<Line> lines = new ArrayList<>();
        for (Row row : ROWS) {
            double o = ours.getOrDefault(row.ours(), Double.NaN);
            double r = reference.getOrDefault(row.reference(), ours.getOrDefault(row.reference(), Double.NaN));
            if (Double.isNaN(o)) {
                continue;
            }
            double ratio = Double.isNaN(r) ? Double.NaN : row.rate() ? o / r : r / o;
            lines.add(new Line(row, o, r, ratio));
        }
        return lines;
    }

    public static String format(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "| %-48s | %12s | %12s | %8s | %6s | %-4s |%n", "figure", "dnnc", "reference", "ratio", "target", "met"));
        sb.append(String.format(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%n", "-".repeat(50), "-".repeat(14), "-".repeat(14), "-".repeat(10), "-".repeat(8), "-".repeat(6)));
        for (Line line : lines) {
            sb.append(String.format(Locale.ROOT, "| %-48s | %12s | %12s | %8s | %6s | %-4s |%n", line.row().label(),
                    number(line.ours()), number(line.reference()), Double.isNaN(line.ratio()) ? "" : String.format(Locale.ROOT, "%.2fx", line.ratio()),
                    Double.isNaN(line.row().target()) ? "" : String.format(Locale.ROOT, "%.1fx", line.row().target()),
                    line.hasTarget() ? (line.met() ? "yes" : "NO") : ""));
        }
        return sb.toString();
    }

    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}

package dnnc.plugins.lesion;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The statistics of lesion tests against random lesions. */
public final class Significance {
    private Significance() {
    }

    /** Monte Carlo p-value, counting the observed lesion among the random ones: (1 + #{random >= observed}) / (R + 1). */
    public static double pValue(double observed, double[] randomDamages) {
        long atLeast = Arrays.stream(randomDamages).filter(r -> r >= observed).count();
        return (1.0 + atLeast) / (randomDamages.length + 1.0);
    }

    /** Holm's step-down adjustment: p_(i) -> max_{j <= i} min(1, (m - j + 1) p_(j)), returned in the input order. */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /**
     * Share of failed reconstructions. A pass/fail criterion's damage is the failure itself. For a graded
     * criterion a reconstruction fails when its damage exceeds the (1 - significance) quantile of the damages of
     * all reconstructions under the matched random lesions: about {@code significance} of a random lesion's
     * reconstructions fail by construction, so the rate reads as "how much more often than chance".
     */
    public static double failureRate(boolean passFail, double[] damages, List<double[]> randomDamages, double significance) {
        if (passFail) {
            return LesionScorer.mean(damages);
        }
        if (randomDamages.isEmpty()) {
            return Double.NaN;
        }
        double threshold = quantile(randomDamages.stream().flatMapToDouble(Arrays::stream).toArray(), 1 - significance);
        return Arrays.stream(damages).filter(d -> d > threshold).count() / (double) damages.length;
    }

    /** The q quantile by linear interpolation between order statistics (NumPy's default). */
    public static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
    }
}

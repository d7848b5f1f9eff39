package dnnc.plugins.report;

import java.util.Arrays;
import java.util.Locale;

/** How the report writes numbers: few digits, ranges as "lo-hi", alphas as results.json labels them. */
final class Numbers {
    private Numbers() {
    }

    static String fixed(double value, int digits) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + digits + "f", value) : "-";
    }

    /** Three significant digits, plain notation for everyday magnitudes. */
    static String sig(double value) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        double a = Math.abs(value);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        return String.format(Locale.ROOT, "%.3g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    static String range(int[] values) {
        if (values.length == 0) {
            return "-";
        }
        int lo = Arrays.stream(values).min().orElseThrow();
        int hi = Arrays.stream(values).max().orElseThrow();
        return lo == hi ? Integer.toString(lo) : lo + "-" + hi;
    }

    static String range(double[] values, int digits) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            return "-";
        }
        String lo = fixed(Arrays.stream(finite).min().orElseThrow(), digits);
        String hi = fixed(Arrays.stream(finite).max().orElseThrow(), digits);
        return lo.equals(hi) ? lo : lo + "-" + hi;
    }

    static String alpha(double alpha) {
        return dnnc.api.FeatureKey.alphaLabel(alpha);
    }
}

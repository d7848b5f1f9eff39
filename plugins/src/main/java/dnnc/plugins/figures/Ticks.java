package dnnc.plugins.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Nice" tick values (1, 2, 2.5, 5 times a power of ten) and compact labels for them. */
public final class Ticks {
    private Ticks() {
    }

    /** About {@code target} ticks (the nearest nice step) covering [min, max], all inside it. */
    public static double[] linear(double min, double max, int target) {
        if (!(max > min)) {
            return new double[] {min};
        }
        double step = niceStep((max - min) / Math.max(1, target));
        double first = Math.ceil(min / step - 1e-9) * step;
        List<Double> ticks = new ArrayList<>();
        for (double t = first; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Powers of ten within [min, max] (both > 0); falls back to linear ticks when the range spans less than a decade. */
    public static double[] log10(double min, double max) {
        int lo = (int) Math.ceil(Math.log10(min) - 1e-9);
        int hi = (int) Math.floor(Math.log10(max) + 1e-9);
        if (hi - lo < 1) {
            return linear(min, max, 4);
        }
        int stride = Math.max(1, (hi - lo + 1) / 6);
        List<Double> ticks = new ArrayList<>();
        for (int e = lo; e <= hi; e += stride) {
            ticks.add(Math.pow(10, e));
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10;
        return nice * magnitude;
    }

    /** Short label: integers without decimals, small or large magnitudes in e-notation, else up to 3 significant decimals. */
    public static String label(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.1e", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        }
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}

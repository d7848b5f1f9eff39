package dnnc.plugins.figures;

/** A colour map with the data limits it spans; values outside the limits take the end colours. */
public record ColourScale(ColourMap map, double min, double max) {
    public ColourScale {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("colour limits must be finite with max > min, got " + min + ", " + max);
        }
    }

    /** Limits -m..m with m the largest |value| (at least a tiny positive number, so all-zero data still draws white). */
    public static ColourScale symmetric(ColourMap map, double maxAbs) {
        double m = Double.isFinite(maxAbs) && maxAbs > 0 ? maxAbs : 1e-12;
        return new ColourScale(map, -m, m);
    }

    /** Limits shared by all given arrays: symmetric around 0 for a diverging map, data min..max otherwise. */
    public static ColourScale spanning(ColourMap map, Iterable<float[]> arrays) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[] a : arrays) {
            for (float v : a) {
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (map.isDiverging()) {
            return symmetric(map, Math.max(Math.abs(lo), Math.abs(hi)));
        }
        if (!(hi > lo)) {
            double centre = Double.isFinite(lo) ? lo : 0;
            return new ColourScale(map, centre - 0.5, centre + 0.5);
        }
        return new ColourScale(map, lo, hi);
    }

    /** Position of a value in [0, 1] (unclamped). */
    public double position(double value) {
        return (value - min) / (max - min);
    }

    public int rgb(double value) {
        return map.rgb(position(value));
    }
}

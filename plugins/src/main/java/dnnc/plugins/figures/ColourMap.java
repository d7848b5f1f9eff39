package dnnc.plugins.figures;

import java.awt.Color;

/**
 * Maps a position t in [0, 1] to a colour by linear interpolation between evenly spaced stops. A diverging map
 * puts white exactly at t = 0.5, so with symmetric limits (see {@link ColourScale#symmetric}) zero is white.
 */
public final class ColourMap {
    private final String name;
    private final float[][] stops;   // rgb in [0, 1]
    private final boolean diverging;

    private ColourMap(String name, boolean diverging, int... rgbStops) {
        this.name = name;
        this.diverging = diverging;
        this.stops = new float[rgbStops.length][];
        for (int i = 0; i < rgbStops.length; i++) {
            this.stops[i] = new Color(rgbStops[i]).getRGBColorComponents(null);
        }
    }

    /** Blue (negative) - white (0) - red (positive), after ColorBrewer RdBu. */
    public static ColourMap diverging() {
        return new ColourMap("blue-white-red", true,
                0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xffffff, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f);
    }

    /** Perceptually uniform dark purple to yellow, sampled from matplotlib's viridis. */
    public static ColourMap sequential() {
        return new ColourMap("viridis", false,
                0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725);
    }

    /** Black (low) to white (high). */
    public static ColourMap greyscale() {
        return new ColourMap("greyscale", false, 0x000000, 0xffffff);
    }

    /** White (low) to black (high): ink on paper, as digits are usually shown. */
    public static ColourMap inkOnPaper() {
        return new ColourMap("ink-on-paper", false, 0xffffff, 0x000000);
    }

    public String name() {
        return name;
    }

    /** Whether the map's middle is a neutral colour meant to sit on 0. */
    public boolean isDiverging() {
        return diverging;
    }

    /** Packed 0xRRGGBB for t in [0, 1] (clamped; NaN gives mid grey, so a missing value is visible). */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            return 0x808080;
        }
        double clamped = Math.max(0, Math.min(1, t));
        double pos = clamped * (stops.length - 1);
        int i = Math.min((int) Math.floor(pos), stops.length - 2);
        double f = pos - i;
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            double v = stops[i][c] + f * (stops[i + 1][c] - stops[i][c]);
            rgb = (rgb << 8) | (int) Math.round(v * 255);
        }
        return rgb;
    }
}

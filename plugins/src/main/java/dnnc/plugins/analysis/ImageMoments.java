package dnnc.plugins.analysis;

import dnnc.api.ImageShape;

import java.util.Arrays;

/**
 * Shape of a grey image from its intensity moments: ink area (sum of intensities), centroid, and the
 * orientation of the principal axis of the second central moments. Orientation is in degrees in (-90, 90],
 * counter-clockwise from the image's horizontal with y pointing up (as a reader sees the image); it is an axis,
 * not a direction, so -90 and 90 are the same. Elongation, in [0, 1], says how well defined the axis is:
 * (l1 - l2) / (l1 + l2) of the moment matrix's eigenvalues, 0 for a round blob, 1 for a line. Below
 * {@link #ROUND} the axis is rounding noise and the orientation is reported as 0.
 */
public final class ImageMoments {
    static final double ROUND = 1e-6;

    private ImageMoments() {
    }

    public static ImageShape of(float[] pixels, int rows, int cols) {
        if (pixels.length != rows * cols) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " image has " + rows * cols + " pixels, got " + pixels.length);
        }
        double mass = 0;
        double sumRow = 0;
        double sumCol = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double w = pixels[r * cols + c];
                mass += w;
                sumRow += w * r;
                sumCol += w * c;
            }
        }
        if (!(mass > 0)) {
            return new ImageShape(mass, Double.NaN, Double.NaN, 0, 0);
        }
        double cr = sumRow / mass;
        double cc = sumCol / mass;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double w = pixels[r * cols + c];
                double x = c - cc;
                double y = cr - r;   // rows grow downwards; the reader's y grows upwards
                xx += w * x * x;
                yy += w * y * y;
                xy += w * x * y;
            }
        }
        double elongation = Math.hypot(xx - yy, 2 * xy) / (xx + yy);
        if (!(elongation >= ROUND)) {
            return new ImageShape(mass, cr, cc, 0, 0);
        }
        double angle = Math.toDegrees(0.5 * Math.atan2(2 * xy, xx - yy));
        return new ImageShape(mass, cr, cc, angle <= -90 ? angle + 180 : angle, elongation);
    }

    /**
     * The spread of axis orientations (period 180 degrees): the length of the shortest arc holding them all,
     * so 85 and -85 degrees are 10 apart, not 170. In [0, 180).
     */
    public static double orientationRange(double[] anglesDeg) {
        if (anglesDeg.length < 2) {
            return 0;
        }
        double[] a = Arrays.stream(anglesDeg).map(d -> ((d % 180) + 180) % 180).sorted().toArray();
        double largestGap = a[0] + 180 - a[a.length - 1];
        for (int i = 1; i < a.length; i++) {
            largestGap = Math.max(largestGap, a[i] - a[i - 1]);
        }
        return 180 - largestGap;
    }

    /**
     * The same axes as a continuous sequence: each angle moved by a multiple of 180 degrees to lie within 90 of
     * its predecessor, so a plot over alpha shows a turn rather than a jump at the wrap; then the whole sequence
     * is shifted by a multiple of 180 so its mean lies within 90 of 0.
     */
    public static double[] unwrap(double[] anglesDeg) {
        double[] out = anglesDeg.clone();
        double sum = out.length > 0 ? out[0] : 0;
        for (int i = 1; i < out.length; i++) {
            out[i] -= 180 * Math.round((out[i] - out[i - 1]) / 180);
            sum += out[i];
        }
        double shift = 180 * Math.round(sum / Math.max(1, out.length) / 180);
        for (int i = 0; i < out.length; i++) {
            out[i] -= shift;
        }
        return out;
    }

    /** max / min of positive areas: how many times larger the largest digit is than the smallest (1 = no change). */
    public static double areaRatio(double[] areas) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : areas) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return lo > 0 ? hi / lo : Double.POSITIVE_INFINITY;
    }
}

package dnnc.plugins.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Counts of values in equal-width bins, with an optional observed value marked by a vertical red line (e.g. a
 * null distribution of failure rates from random lesions and the important cluster's own rate).
 * The bins span the values and the observed value, so the line is always inside the plot.
 */
public final class Histogram {
    private final String title;
    private double[] values = new double[0];
    private int bins = 20;
    private Double observed;
    private String observedLabel = "";
    private String xLabel = "";
    private String yLabel = "count";
    private int width = 760;
    private int height = 480;

    private Histogram(String title) {
        this.title = title;
    }

    public static Histogram titled(String title) {
        return new Histogram(title);
    }

    public Histogram values(double[] data) {
        this.values = data.clone();
        return this;
    }

    public Histogram bins(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin");
        }
        this.bins = count;
        return this;
    }

    public Histogram observed(double value, String label) {
        this.observed = value;
        this.observedLabel = label == null ? "" : label;
        return this;
    }

    public Histogram xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public Histogram yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    public Histogram size(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    /** bins + 1 edges; a value equal to the last edge falls in the last bin. */
    public double[] binEdges() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (observed != null && Double.isFinite(observed)) {
            lo = Math.min(lo, observed);
            hi = Math.max(hi, observed);
        }
        if (!Double.isFinite(lo)) {
            lo = 0;
            hi = 1;
        }
        if (!(hi > lo)) {
            double half = lo == 0 ? 0.5 : Math.abs(lo) * 0.05;
            lo -= half;
            hi += half;
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = lo + (hi - lo) * i / bins;
        }
        edges[bins] = hi;
        return edges;
    }

    public long[] binCounts() {
        double[] edges = binEdges();
        long[] counts = new long[bins];
        double lo = edges[0];
        double span = edges[bins] - lo;
        for (double v : values) {
            if (Double.isFinite(v)) {
                int b = (int) Math.floor((v - lo) / span * bins);
                counts[Math.max(0, Math.min(bins - 1, b))]++;
            }
        }
        return counts;
    }

    public BufferedImage render() {
        double[] edges = binEdges();
        long[] counts = binCounts();
        long most = 0;
        for (long c : counts) {
            most = Math.max(most, c);
        }
        ChartAxes axes = new ChartAxes(width, height, title, xLabel, yLabel)
                .x(edges[0], edges[bins], false).y(0, Math.max(1, most), true);
        Color red = new Color(0xd62728);
        boolean marked = observed != null && Double.isFinite(observed);
        List<Legend.Entry> legend = marked ? List.of(new Legend.Entry(observedLabel, red, false)) : List.of();
        axes.reserveRight(Legend.width(legend));
        BufferedImage image = FigureStyle.blank(width, height);
        Graphics2D g = axes.begin(image);
        Color fill = FigureStyle.seriesColour(0);
        for (int b = 0; b < bins; b++) {
            double x0 = axes.x(edges[b]);
            double x1 = axes.x(edges[b + 1]);
            double y0 = axes.y(counts[b]);
            Rectangle2D bar = new Rectangle2D.Double(x0, y0, x1 - x0, axes.y(0) - y0);
            g.setColor(fill);
            g.fill(bar);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1f));
            g.draw(bar);
        }
        if (marked) {
            g.setColor(red);
            g.setStroke(new BasicStroke(3f));
            double px = axes.x(observed);
            g.draw(new java.awt.geom.Line2D.Double(px, axes.plotTop(), px, axes.plotBottom()));
        }
        g.setClip(null);
        Legend.draw(g, legend, axes.plotRight(), axes.plotTop());
        g.dispose();
        return image;
    }
}

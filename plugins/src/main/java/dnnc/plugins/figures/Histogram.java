package dnnc.plugins.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * Counts of values in equal-width bins, with an optional observed value marked by a vertical red line (e.g. a
 * null distribution of failure rates from random lesions and the important cluster's own rate).
 * The bins span the values and the observed value, so the line is always inside the plot.
 */
public final class Histogram {
    private static final Color OBSERVED = new Color(0xd62728);

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

    /** The bars as one filled outline over the bin edges, and the observed value as a red vertical line. */
    public BufferedImage render() {
        double[] edges = binEdges();
        long[] counts = binCounts();
        long most = 0;
        for (long c : counts) {
            most = Math.max(most, c);
        }
        XYChart chart = new XYChartBuilder().width(Charts.width(width, title)).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        boolean marked = observed != null && Double.isFinite(observed);
        Charts.style(chart.getStyler(), 1);
        Charts.styleAxes(chart.getStyler());
        chart.getStyler().setLegendVisible(marked);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax((double) Math.max(1, most));
        chart.getStyler().setXAxisMin(edges[0]);
        chart.getStyler().setXAxisMax(edges[bins]);
        chart.getStyler().setXAxisDecimalPattern(Charts.DECIMALS);
        chart.getStyler().setYAxisDecimalPattern(Charts.DECIMALS);
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = edges[b];
            y[2 * b + 1] = counts[b];
            x[2 * b + 2] = edges[b + 1];
            y[2 * b + 2] = counts[b];
        }
        x[0] = edges[0];
        x[2 * bins + 1] = edges[bins];
        XYSeries bars = chart.addSeries("counts", x, y);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setShowInLegend(false);
        bars.setFillColor(FigureStyle.seriesColour(0));
        bars.setLineColor(FigureStyle.seriesColour(0));
        if (marked) {
            XYSeries line = chart.addSeries(observedLabel.isEmpty() ? "observed" : observedLabel,
                    new double[] {observed, observed}, new double[] {0, Math.max(1, most)});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(OBSERVED);
            line.setLineStyle(new BasicStroke(3f));
        }
        return Charts.render(chart);
    }
}

package dnnc.plugins.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Lines through (x, y) points, several series with a legend, optional markers, log10 axes, and shaded vertical
 * bands and dashed vertical marker lines, each with a legend label (a chosen value, a range).
 * <pre>
 * LineChart.titled("Clusters vs preference").xLabel("preference").yLabel("clusters").logX(true)
 *         .series("activation", prefs, counts, true).band(0.1, 0.4, "plateau").render();
 * </pre>
 * NaN y values break a line (the gap is not drawn); on a log axis, values at or below zero are left out.
 */
public final class LineChart {
    private static final Color BAND = new Color(0xF2, 0xE6, 0xB3);
    private static final BasicStroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private record Series(String name, double[] x, double[] y, boolean markers, boolean lines) {
    }

    private record Mark(double from, double to, String label) {
        boolean isBand() {
            return to > from;
        }
    }

    private final String title;
    private final List<Series> series = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private String xLabel = "";
    private String yLabel = "";
    private boolean logX;
    private boolean logY;
    private int width = 760;
    private int height = 480;
    private double[] yLimits;

    private LineChart(String title) {
        this.title = title;
    }

    public static LineChart titled(String title) {
        return new LineChart(title);
    }

    public LineChart xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public LineChart yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    public LineChart logX(boolean log) {
        this.logX = log;
        return this;
    }

    public LineChart logY(boolean log) {
        this.logY = log;
        return this;
    }

    public LineChart size(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    /** Fixes the y range instead of fitting it to the data. */
    public LineChart yRange(double min, double max) {
        this.yLimits = new double[] {min, max};
        return this;
    }

    public LineChart series(String name, double[] x, double[] y, boolean markers) {
        return add(new Series(name, x.clone(), y.clone(), markers, true));
    }

    /** Markers only, no line between them. */
    public LineChart points(String name, double[] x, double[] y) {
        return add(new Series(name, x.clone(), y.clone(), true, false));
    }

    /** A shaded vertical band from x = from to x = to, named in the legend. */
    public LineChart band(double from, double to, String label) {
        marks.add(new Mark(Math.min(from, to), Math.max(from, to), label));
        return this;
    }

    /** A dashed vertical line at x, named in the legend. */
    public LineChart marker(double x, String label) {
        marks.add(new Mark(x, x, label));
        return this;
    }

    private LineChart add(Series s) {
        if (s.x.length != s.y.length) {
            throw new IllegalArgumentException("series '" + s.name + "' has " + s.x.length + " x values and " + s.y.length + " y values");
        }
        series.add(s);
        return this;
    }

    public BufferedImage render() {
        if (series.isEmpty()) {
            throw new IllegalStateException("a line chart needs at least one series");
        }
        double[] yRange = yLimits != null ? yLimits : dataRange();
        XYChart chart = new XYChartBuilder().width(Charts.width(width, title)).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        Charts.style(chart.getStyler(), series.size());
        Charts.styleAxes(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        if (!logX) {
            chart.getStyler().setXAxisDecimalPattern(Charts.DECIMALS);
        }
        if (!logY) {
            chart.getStyler().setYAxisDecimalPattern(Charts.DECIMALS);
        }
        chart.getStyler().setYAxisMin(yRange[0]);
        chart.getStyler().setYAxisMax(yRange[1]);
        for (Mark m : marks) {
            addMark(chart, m, yRange);
        }
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            XYSeries drawn = chart.addSeries(unique(chart, s.name), plottableX(s), plottableY(s));
            drawn.setXYSeriesRenderStyle(s.lines ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
            drawn.setLineColor(FigureStyle.seriesColour(k));
            drawn.setMarkerColor(FigureStyle.seriesColour(k));
            drawn.setLineStyle(LINE);
            drawn.setMarker(s.markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        return Charts.render(chart);
    }

    /** A band as a filled area from its top down to the axis; a marker as a dashed line across the plot. */
    private static void addMark(XYChart chart, Mark m, double[] yRange) {
        String name = unique(chart, m.label);
        if (m.isBand()) {
            XYSeries band = chart.addSeries(name, new double[] {m.from, m.to}, new double[] {yRange[1], yRange[1]});
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            band.setFillColor(BAND);
            band.setLineColor(BAND);
            band.setMarker(SeriesMarkers.NONE);
        } else {
            XYSeries line = chart.addSeries(name, new double[] {m.from, m.from}, new double[] {yRange[0], yRange[1]});
            line.setLineColor(FigureStyle.INK);
            line.setLineStyle(DASHED);
            line.setMarker(SeriesMarkers.NONE);
        }
    }

    /** XChart names series uniquely; a repeated legend label gets trailing spaces, which do not show. */
    private static String unique(XYChart chart, String name) {
        String candidate = name.isEmpty() ? " " : name;
        while (chart.getSeriesMap().containsKey(candidate)) {
            candidate += " ";
        }
        return candidate;
    }

    private boolean plottable(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && !(logX && x <= 0) && !(logY && y <= 0);
    }

    private double[] plottableX(Series s) {
        return keptIndices(s).mapToDouble(i -> s.x[i]).toArray();
    }

    /** NaN where a point cannot be drawn, so the line breaks there. */
    private double[] plottableY(Series s) {
        return keptIndices(s).mapToDouble(i -> plottable(s.x[i], s.y[i]) ? s.y[i] : Double.NaN).toArray();
    }

    /** Points whose x can be placed on the axis (a y that cannot be drawn still breaks the line). */
    private IntStream keptIndices(Series s) {
        return IntStream.range(0, s.x.length).filter(i -> Double.isFinite(s.x[i]) && !(logX && s.x[i] <= 0));
    }

    /** The data's y range, padded so lines do not run along the frame; on a log axis, positive values only. */
    private double[] dataRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (plottable(s.x[i], s.y[i])) {
                    lo = Math.min(lo, s.y[i]);
                    hi = Math.max(hi, s.y[i]);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            return logY ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (logY) {
            return new double[] {lo / 1.3, hi * 1.3};
        }
        double pad = hi > lo ? (hi - lo) * 0.06 : Math.max(Math.abs(lo) * 0.05, 0.5);
        return new double[] {lo - pad, hi + pad};
    }
}

package dnnc.plugins.figures;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Grouped bars: one group per category (e.g. alpha), one bar per series (e.g. activation / ACE cluster sizes),
 * optionally with the value written above each bar. NaN values leave a gap.
 */
public final class BarChart {
    private record Series(String name, double[] values) {
    }

    private final String title;
    private final List<Series> series = new ArrayList<>();
    private List<String> categories = List.of();
    private String xLabel = "";
    private String yLabel = "";
    private boolean valueLabels;
    private int width = 760;
    private int height = 480;

    private BarChart(String title) {
        this.title = title;
    }

    public static BarChart titled(String title) {
        return new BarChart(title);
    }

    public BarChart categories(List<String> names) {
        this.categories = List.copyOf(names);
        return this;
    }

    public BarChart series(String name, double[] values) {
        series.add(new Series(name, values.clone()));
        return this;
    }

    public BarChart xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public BarChart yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    public BarChart valueLabels(boolean show) {
        this.valueLabels = show;
        return this;
    }

    public BarChart size(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    public BufferedImage render() {
        if (series.isEmpty() || categories.isEmpty()) {
            throw new IllegalStateException("a bar chart needs categories and at least one series");
        }
        CategoryChart chart = new CategoryChartBuilder().width(Charts.width(width, title)).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        Charts.style(chart.getStyler(), series.size());
        Charts.styleAxes(chart.getStyler());
        chart.getStyler().setLabelsVisible(valueLabels);
        chart.getStyler().setLabelsFont(FigureStyle.SMALL);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(FigureStyle.INK);
        chart.getStyler().setLabelsPosition(1.0);
        chart.getStyler().setOverlapped(false);
        for (Series s : series) {
            if (s.values.length != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name + "' has " + s.values.length + " values for "
                        + categories.size() + " categories");
            }
            List<Double> values = new ArrayList<>();
            for (double v : s.values) {
                values.add(Double.isFinite(v) ? v : null);
            }
            chart.addSeries(s.name, categories, values);
        }
        double[] range = valueRange();
        chart.getStyler().setYAxisMin(range[0]);
        chart.getStyler().setYAxisMax(range[1]);
        chart.getStyler().setYAxisDecimalPattern(Charts.DECIMALS);
        return Charts.render(chart);
    }

    /** From zero (or the lowest value) to a little above the highest, so value labels fit; 0..1 when all are zero. */
    private double[] valueRange() {
        double lo = 0;
        double hi = 0;
        for (Series s : series) {
            for (double v : s.values) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi > lo ? new double[] {lo, hi + (hi - lo) * 0.08} : new double[] {lo, lo + 1};
    }
}

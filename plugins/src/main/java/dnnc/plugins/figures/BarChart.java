package dnnc.plugins.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
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
        double lo = 0;
        double hi = 0;
        for (Series s : series) {
            if (s.values.length != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name + "' has " + s.values.length + " values for "
                        + categories.size() + " categories");
            }
            for (double v : s.values) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        ChartAxes axes = new ChartAxes(width, height, title, xLabel, yLabel).categories(categories).y(lo, hi, true);
        List<Legend.Entry> legend = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            legend.add(new Legend.Entry(series.get(k).name, FigureStyle.seriesColour(k), true));
        }
        axes.reserveRight(Legend.width(legend));
        BufferedImage image = FigureStyle.blank(width, height);
        Graphics2D g = axes.begin(image);
        double slot = axes.slotWidth();
        double groupWidth = slot * 0.8;
        double barWidth = groupWidth / series.size();
        for (int k = 0; k < series.size(); k++) {
            Color colour = FigureStyle.seriesColour(k);
            Series s = series.get(k);
            for (int c = 0; c < categories.size(); c++) {
                double v = s.values[c];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double x0 = axes.x(c) - groupWidth / 2 + k * barWidth;
                double yTop = Math.min(axes.y(v), axes.y(0));
                double h = Math.abs(axes.y(v) - axes.y(0));
                g.setColor(colour);
                g.fill(new Rectangle2D.Double(x0 + 1, yTop, barWidth - 2, h));
                if (valueLabels) {
                    g.setColor(FigureStyle.INK);
                    double labelY = v >= 0 ? yTop - 9 : yTop + h + 9;
                    Text.centred(g, FigureStyle.SMALL, Ticks.label(v), x0 + barWidth / 2, labelY);
                }
            }
        }
        g.setClip(null);
        Legend.draw(g, legend, axes.plotRight(), axes.plotTop());
        g.dispose();
        return image;
    }
}

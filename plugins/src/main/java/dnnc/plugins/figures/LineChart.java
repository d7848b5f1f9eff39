package dnnc.plugins.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines through (x, y) points, several series with a legend, optional markers and a log10 x axis.
 * <pre>
 * LineChart.titled("Clusters vs preference").xLabel("preference").yLabel("clusters").logX(true)
 *         .series("activation", prefs, counts, true).render();
 * </pre>
 * NaN y values break a line (the gap is not drawn).
 */
public final class LineChart {
    private record Series(String name, double[] x, double[] y, boolean markers) {
    }

    private final String title;
    private final List<Series> series = new ArrayList<>();
    private String xLabel = "";
    private String yLabel = "";
    private boolean logX;
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
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values and " + y.length + " y values");
        }
        series.add(new Series(name, x.clone(), y.clone(), markers));
        return this;
    }

    public BufferedImage render() {
        if (series.isEmpty()) {
            throw new IllegalStateException("a line chart needs at least one series");
        }
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
                    xMin = Math.min(xMin, s.x[i]);
                    xMax = Math.max(xMax, s.x[i]);
                    yMin = Math.min(yMin, s.y[i]);
                    yMax = Math.max(yMax, s.y[i]);
                }
            }
        }
        ChartAxes axes = new ChartAxes(width, height, title, xLabel, yLabel).x(xMin, xMax, logX);
        if (yLimits != null) {
            axes.y(yLimits[0], yLimits[1], false);
        } else {
            axes.y(yMin, yMax, false);
        }
        List<Legend.Entry> legend = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            legend.add(new Legend.Entry(series.get(k).name, FigureStyle.seriesColour(k), false));
        }
        axes.reserveRight(Legend.width(legend));
        BufferedImage image = FigureStyle.blank(width, height);
        Graphics2D g = axes.begin(image);
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            Color colour = FigureStyle.seriesColour(k);
            g.setColor(colour);
            g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D path = new Path2D.Double();
            boolean penDown = false;
            for (int i = 0; i < s.x.length; i++) {
                if (!Double.isFinite(s.y[i]) || !Double.isFinite(s.x[i]) || (logX && s.x[i] <= 0)) {
                    penDown = false;
                    continue;
                }
                double px = axes.x(s.x[i]);
                double py = axes.y(s.y[i]);
                if (penDown) {
                    path.lineTo(px, py);
                } else {
                    path.moveTo(px, py);
                    penDown = true;
                }
            }
            g.draw(path);
            if (s.markers) {
                for (int i = 0; i < s.x.length; i++) {
                    if (Double.isFinite(s.y[i]) && Double.isFinite(s.x[i]) && !(logX && s.x[i] <= 0)) {
                        g.fill(new Ellipse2D.Double(axes.x(s.x[i]) - 4, axes.y(s.y[i]) - 4, 8, 8));
                    }
                }
            }
        }
        g.setClip(null);
        Legend.draw(g, legend, axes.plotRight(), axes.plotTop());
        g.dispose();
        return image;
    }
}

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
 * Lines through (x, y) points, several series with a legend, optional markers, log10 axes, and shaded vertical
 * bands and vertical marker lines with a label (a chosen value, a range).
 * <pre>
 * LineChart.titled("Clusters vs preference").xLabel("preference").yLabel("clusters").logX(true)
 *         .series("activation", prefs, counts, true).band(0.1, 0.4, "plateau").render();
 * </pre>
 * NaN y values break a line (the gap is not drawn).
 */
public final class LineChart {
    private record Series(String name, double[] x, double[] y, boolean markers, boolean lines) {
    }

    private record Mark(double from, double to, String label, Color colour) {
    }

    private final List<Mark> marks = new ArrayList<>();
    private boolean logY;
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

    public LineChart logY(boolean log) {
        this.logY = log;
        return this;
    }

    public LineChart series(String name, double[] x, double[] y, boolean markers) {
        return add(new Series(name, x.clone(), y.clone(), markers, true));
    }

    /** Markers only, no line between them. */
    public LineChart points(String name, double[] x, double[] y) {
        return add(new Series(name, x.clone(), y.clone(), true, false));
    }

    /** A shaded vertical band from x = from to x = to, labelled at its top. */
    public LineChart band(double from, double to, String label) {
        marks.add(new Mark(Math.min(from, to), Math.max(from, to), label, new Color(0xF2, 0xE6, 0xB3)));
        return this;
    }

    /** A dashed vertical line at x, labelled at its top. */
    public LineChart marker(double x, String label) {
        marks.add(new Mark(x, x, label, FigureStyle.INK));
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
        for (Mark m : marks) {
            xMin = Math.min(xMin, m.from);
            xMax = Math.max(xMax, m.to);
        }
        ChartAxes axes = new ChartAxes(width, height, title, xLabel, yLabel).x(xMin, xMax, logX);
        if (yLimits != null) {
            axes.y(yLimits[0], yLimits[1], false);
        } else if (logY) {
            axes.logY(yMin, yMax);
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
        drawMarks(g, axes);
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            Color colour = FigureStyle.seriesColour(k);
            g.setColor(colour);
            g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D path = new Path2D.Double();
            boolean penDown = false;
            for (int i = 0; i < s.x.length; i++) {
                if (!plottable(s.x[i], s.y[i])) {
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
            if (s.lines) {
                g.draw(path);
            }
            if (s.markers) {
                for (int i = 0; i < s.x.length; i++) {
                    if (plottable(s.x[i], s.y[i])) {
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

    private boolean plottable(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && !(logX && x <= 0) && !(logY && y <= 0);
    }

    /** Bands and marker lines under the data, each label at the top of the plot. */
    private void drawMarks(Graphics2D g, ChartAxes axes) {
        for (Mark m : marks) {
            double left = axes.x(m.from);
            double right = axes.x(m.to);
            g.setColor(m.colour);
            if (m.from < m.to) {
                g.fill(new java.awt.geom.Rectangle2D.Double(Math.min(left, right), axes.plotTop(), Math.abs(right - left), axes.plotBottom() - axes.plotTop()));
            } else {
                g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                g.draw(new java.awt.geom.Line2D.Double(left, axes.plotTop(), left, axes.plotBottom()));
            }
            g.setColor(FigureStyle.INK);
            Text.centred(g, FigureStyle.SMALL, m.label, (left + right) / 2, axes.plotTop() + 10 + 14 * marks.indexOf(m));
        }
    }
}

package dnnc.plugins.figures;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The frame every chart shares: title, plot area, ticks with grid lines, axis titles, and the mapping from data
 * to image coordinates. The x axis is numeric (linear or log10) or categorical (one slot per category).
 */
final class ChartAxes {
    private static final int PAD = 14;
    private static final int TICK = 5;

    private final int width;
    private final int height;
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private double xMin;
    private double xMax;
    private boolean logX;
    private List<String> categories;
    private double yMin;
    private double yMax;
    private double[] yTicks;
    private double[] xTicks;
    private int reservedRight;
    private int left;
    private int right;
    private int top;
    private int bottom;

    ChartAxes(int width, int height, String title, String xTitle, String yTitle) {
        this.width = width;
        this.height = height;
        this.title = title == null ? "" : title;
        this.xTitle = xTitle == null ? "" : xTitle;
        this.yTitle = yTitle == null ? "" : yTitle;
    }

    /** Numeric x axis over [min, max], padded a little so end points are not on the frame. */
    ChartAxes x(double min, double max, boolean log) {
        this.logX = log;
        if (log) {
            if (!(min > 0)) {
                throw new IllegalArgumentException("a log x axis needs positive x values, smallest is " + min);
            }
            double lo = Math.log10(min);
            double hi = Math.log10(max);
            double pad = hi > lo ? (hi - lo) * 0.04 : 0.5;
            this.xMin = Math.pow(10, lo - pad);
            this.xMax = Math.pow(10, hi + pad);
            this.xTicks = Ticks.log10(xMin, xMax);
        } else {
            double[] r = padded(min, max, false);
            this.xMin = r[0];
            this.xMax = r[1];
            this.xTicks = Ticks.linear(xMin, xMax, 7);
        }
        return this;
    }

    ChartAxes categories(List<String> names) {
        this.categories = List.copyOf(names);
        this.xMin = -0.5;
        this.xMax = names.size() - 0.5;
        return this;
    }

    /** Numeric y axis over [min, max], padded; with {@code fromZero} the axis starts exactly at 0 (bars, counts). */
    ChartAxes y(double min, double max, boolean fromZero) {
        double[] r = padded(fromZero ? Math.min(0, min) : min, max, fromZero);
        this.yMin = r[0];
        this.yMax = r[1];
        this.yTicks = Ticks.linear(yMin, yMax, 6);
        return this;
    }

    private static double[] padded(double min, double max, boolean keepZeroFloor) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return new double[] {0, 1};
        }
        if (!(max > min)) {
            double half = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 0.5;
            return new double[] {keepZeroFloor && min == 0 ? 0 : min - half, max + half};
        }
        double pad = (max - min) * 0.05;
        double lo = keepZeroFloor && min == 0 ? 0 : min - pad;
        return new double[] {lo, max + pad};
    }

    /** Keeps room right of the plot, e.g. for a {@link Legend}. */
    ChartAxes reserveRight(int pixels) {
        this.reservedRight = pixels;
        return this;
    }

    /** Lays the frame out and draws title, grid, ticks and axis titles; the caller then draws the data. */
    Graphics2D begin(BufferedImage image) {
        int yLabelWidth = 0;
        for (double t : yTicks) {
            yLabelWidth = Math.max(yLabelWidth, Text.width(FigureStyle.TICK, Ticks.label(t)));
        }
        int tickTextHeight = Text.height(FigureStyle.TICK);
        int labelHeight = Text.height(FigureStyle.LABEL);
        left = PAD + (yTitle.isEmpty() ? 0 : labelHeight + 6) + yLabelWidth + TICK + 4;
        right = width - PAD - 8 - reservedRight;
        top = PAD + (title.isEmpty() ? 0 : Text.height(FigureStyle.TITLE) + 8);
        bottom = height - PAD - (xTitle.isEmpty() ? 0 : labelHeight + 6) - tickTextHeight - TICK - 4;

        Graphics2D g = FigureStyle.graphics(image);
        Text.centred(g, FigureStyle.TITLE, title, width / 2.0, PAD + Text.height(FigureStyle.TITLE) / 2.0);
        g.setStroke(new BasicStroke(1f));
        for (double t : yTicks) {
            int py = (int) Math.round(y(t));
            g.setColor(FigureStyle.GRID);
            g.drawLine(left, py, right, py);
            g.setColor(FigureStyle.INK);
            g.drawLine(left - TICK, py, left, py);
            Text.rightAligned(g, FigureStyle.TICK, Ticks.label(t), left - TICK - 3, py);
        }
        double tickTextY = bottom + TICK + 3 + tickTextHeight / 2.0;
        if (categories != null) {
            for (int i = 0; i < categories.size(); i++) {
                int px = (int) Math.round(x(i));
                g.drawLine(px, bottom, px, bottom + TICK);
                Text.centred(g, FigureStyle.TICK, categories.get(i), px, tickTextY);
            }
        } else {
            for (double t : xTicks) {
                int px = (int) Math.round(x(t));
                g.setColor(FigureStyle.GRID);
                g.drawLine(px, top, px, bottom);
                g.setColor(FigureStyle.INK);
                g.drawLine(px, bottom, px, bottom + TICK);
                Text.centred(g, FigureStyle.TICK, Ticks.label(t), px, tickTextY);
            }
        }
        g.drawRect(left, top, right - left, bottom - top);
        Text.centred(g, FigureStyle.LABEL, xTitle, (left + right) / 2.0, height - PAD - labelHeight / 2.0);
        Text.vertical(g, FigureStyle.LABEL, yTitle, PAD + labelHeight / 2.0, (top + bottom) / 2.0);
        g.setClip(left, top, right - left + 1, bottom - top + 1);
        return g;
    }

    double x(double value) {
        double t = logX ? (Math.log10(value) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))
                : (value - xMin) / (xMax - xMin);
        return left + t * (right - left);
    }

    double y(double value) {
        return bottom - (value - yMin) / (yMax - yMin) * (bottom - top);
    }

    /** Width of one category slot in pixels. */
    double slotWidth() {
        return (right - left) / (xMax - xMin);
    }

    int plotLeft() {
        return left;
    }

    int plotRight() {
        return right;
    }

    int plotTop() {
        return top;
    }

    int plotBottom() {
        return bottom;
    }
}

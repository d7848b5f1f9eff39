package dnnc.plugins.figures;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** A vertical colour bar (maximum at the top) with nice tick values and an optional title beside it. */
public final class ColourBar {
    static final int BAR_WIDTH = 20;
    private static final int TICK_LENGTH = 5;
    private static final int GAP = 6;

    private ColourBar() {
    }

    /** The ticks the bar shows for a scale (the nice values within its limits). */
    public static double[] ticks(ColourScale scale) {
        return Ticks.linear(scale.min(), scale.max(), 5);
    }

    /** Horizontal space the bar, its tick labels and its title need. */
    static int width(ColourScale scale, String title) {
        int labels = 0;
        for (double t : ticks(scale)) {
            labels = Math.max(labels, Text.width(FigureStyle.TICK, Ticks.label(t)));
        }
        int titleWidth = title == null || title.isEmpty() ? 0 : Text.height(FigureStyle.LABEL) + GAP;
        return BAR_WIDTH + TICK_LENGTH + GAP + labels + GAP + titleWidth;
    }

    static void draw(Graphics2D g, ColourScale scale, String title, int x, int y, int height) {
        BufferedImage gradient = new BufferedImage(1, height, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < height; row++) {
            double t = 1.0 - (row + 0.5) / height;
            gradient.setRGB(0, row, scale.map().rgb(t));
        }
        g.drawImage(gradient, x, y, BAR_WIDTH, height, null);
        g.setColor(FigureStyle.INK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, BAR_WIDTH, height);
        int labelsRight = x + BAR_WIDTH + TICK_LENGTH + GAP;
        int widest = 0;
        for (double t : ticks(scale)) {
            double ty = y + (1.0 - scale.position(t)) * height;
            g.drawLine(x + BAR_WIDTH, (int) Math.round(ty), x + BAR_WIDTH + TICK_LENGTH, (int) Math.round(ty));
            String label = Ticks.label(t);
            Text.leftAligned(g, FigureStyle.TICK, label, labelsRight, ty);
            widest = Math.max(widest, Text.width(FigureStyle.TICK, label));
        }
        Text.vertical(g, FigureStyle.LABEL, title, labelsRight + widest + GAP + Text.height(FigureStyle.LABEL) / 2.0,
                y + height / 2.0);
    }
}

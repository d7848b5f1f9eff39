package dnnc.plugins.figures;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Text placed by its anchor (centred, right-aligned, rotated) and measured before a layout is fixed. */
final class Text {
    private static final Graphics2D MEASURE = FigureStyle.graphics(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));

    private Text() {
    }

    static int width(Font font, String text) {
        return text == null || text.isEmpty() ? 0 : MEASURE.getFontMetrics(font).stringWidth(text);
    }

    static int height(Font font) {
        FontMetrics m = MEASURE.getFontMetrics(font);
        return m.getAscent() + m.getDescent();
    }

    static int maxWidth(Font font, Iterable<String> texts) {
        int w = 0;
        for (String t : texts) {
            w = Math.max(w, width(font, t));
        }
        return w;
    }

    /** Draws text centred horizontally on x and vertically on y. */
    static void centred(Graphics2D g, Font font, String text, double x, double y) {
        if (text == null || text.isEmpty()) {
            return;
        }
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (x - m.stringWidth(text) / 2.0), (float) (y + (m.getAscent() - m.getDescent()) / 2.0));
    }

    /** Draws text ending at x, vertically centred on y. */
    static void rightAligned(Graphics2D g, Font font, String text, double x, double y) {
        if (text == null || text.isEmpty()) {
            return;
        }
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (x - m.stringWidth(text)), (float) (y + (m.getAscent() - m.getDescent()) / 2.0));
    }

    /** Draws text starting at x, vertically centred on y. */
    static void leftAligned(Graphics2D g, Font font, String text, double x, double y) {
        if (text == null || text.isEmpty()) {
            return;
        }
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) x, (float) (y + (m.getAscent() - m.getDescent()) / 2.0));
    }

    /** Draws text reading bottom-to-top, centred on (x, y): for vertical axis titles. */
    static void vertical(Graphics2D g, Font font, String text, double x, double y) {
        if (text == null || text.isEmpty()) {
            return;
        }
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        centred(g, font, text, 0, 0);
        g.setTransform(saved);
    }
}

package dnnc.plugins.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * One look for every figure: white background, antialiased DejaVu-like sans text, sizes chosen so a PNG shown
 * at its natural width in an HTML report reads without zooming.
 */
public final class FigureStyle {
    public static final Color BACKGROUND = Color.WHITE;
    public static final Color INK = new Color(0x22, 0x22, 0x22);
    public static final Color GRID = new Color(0xE4, 0xE4, 0xE4);
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    public static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    public static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /** Distinct colours for series, in the order series are added (Tableau 10). */
    private static final Color[] SERIES = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private FigureStyle() {
    }

    public static Color seriesColour(int index) {
        return SERIES[Math.floorMod(index, SERIES.length)];
    }

    /** A white RGB image of the given size. */
    public static BufferedImage blank(int width, int height) {
        BufferedImage image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        return image;
    }

    /** Graphics with antialiased shapes and text, ink colour and label font; the caller disposes it. */
    public static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(INK);
        g.setFont(LABEL);
        return g;
    }
}

package dnnc.plugins.figures;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * One rectangle of values in a {@link PanelGrid}: a 28 x 28 pixel map, a 1 x N strip of a hidden layer, ...
 * Values are row-major {@code rows x cols}.
 */
public record Panel(float[] values, int rows, int cols, String title) {
    public Panel {
        if (rows <= 0 || cols <= 0 || values.length != rows * cols) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " panel needs " + rows * cols + " values, got " + values.length);
        }
        title = title == null ? "" : title;
    }

    public static Panel of(float[] values, int rows, int cols) {
        return new Panel(values, rows, cols, "");
    }

    /** A single row, e.g. one value per neuron of a hidden layer. */
    public static Panel strip(float[] values) {
        return new Panel(values, 1, values.length, "");
    }

    public static Panel of(double[] values, int rows, int cols) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return of(f, rows, cols);
    }

    public Panel titled(String newTitle) {
        return new Panel(values, rows, cols, newTitle);
    }

    /** The values as a small image, one image pixel per value. */
    BufferedImage raster(ColourScale scale) {
        BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                image.setRGB(c, r, scale.rgb(values[r * cols + c]));
            }
        }
        return image;
    }

    /** Draws the values stretched over the rectangle, each value a sharp block (no smoothing between values). */
    void draw(Graphics2D g, ColourScale scale, int x, int y, int width, int height) {
        Object saved = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(raster(scale), x, y, width, height, null);
        if (saved != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, saved);
        }
    }
}

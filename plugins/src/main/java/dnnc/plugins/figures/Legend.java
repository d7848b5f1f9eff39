package dnnc.plugins.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.List;

/** A boxed key of series names and colours, placed right of the plot area so it never hides data. */
final class Legend {
    record Entry(String name, Color colour, boolean swatch) {
    }

    private Legend() {
    }

    private static final int KEY = 22;
    private static final int MARGIN = 12;

    /** Room the legend needs right of the plot (0 when no entry has a name). */
    static int width(List<Entry> entries) {
        List<Entry> named = named(entries);
        return named.isEmpty() ? 0 : MARGIN + boxWidth(named);
    }

    private static int boxWidth(List<Entry> named) {
        return KEY + 8 + Text.maxWidth(FigureStyle.TICK, named.stream().map(Entry::name).toList()) + 8;
    }

    private static List<Entry> named(List<Entry> entries) {
        return entries.stream().filter(e -> e.name() != null && !e.name().isEmpty()).toList();
    }

    static void draw(Graphics2D g, List<Entry> entries, int plotRight, int plotTop) {
        List<Entry> named = named(entries);
        if (named.isEmpty()) {
            return;
        }
        int line = Text.height(FigureStyle.TICK) + 4;
        int key = KEY;
        int w = boxWidth(named);
        int h = named.size() * line + 8;
        int x = plotRight + MARGIN;
        int y = plotTop;
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(x, y, w, h);
        g.setColor(new Color(0xB0B0B0));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, w, h);
        for (int i = 0; i < named.size(); i++) {
            Entry e = named.get(i);
            int cy = y + 4 + i * line + line / 2;
            g.setColor(e.colour());
            if (e.swatch()) {
                g.fillRect(x + 6, cy - 6, key - 4, 12);
            } else {
                g.setStroke(new BasicStroke(2.5f));
                g.drawLine(x + 6, cy, x + 6 + key - 4, cy);
                g.setStroke(new BasicStroke(1f));
            }
            g.setColor(FigureStyle.INK);
            Text.leftAligned(g, FigureStyle.TICK, e.name(), x + key + 8, cy);
        }
    }
}

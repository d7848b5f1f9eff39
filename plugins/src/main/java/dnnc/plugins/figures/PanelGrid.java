package dnnc.plugins.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid of {@link Panel}s sharing one colour scale: heatmaps (diverging, symmetric limits, colour bar) or
 * images (greyscale, fixed 0..1). Around the grid: a figure title, column labels with an axis title above them,
 * row labels with a vertical axis title on the left, a free-text annotation right of each row, and the colour bar.
 * <pre>
 * BufferedImage png = PanelGrid.heatmap().title("ACE of z_1 on the output").columnLabels(alphaNames)
 *         .put(0, 0, Panel.of(map, 28, 28)).colourBar("ACE").render();
 * </pre>
 */
public final class PanelGrid {
    private static final int PAD = 12;
    private static final int GAP = 6;

    private final Map<Long, Panel> panels = new LinkedHashMap<>();
    private ColourMap map;
    private ColourScale fixedScale;
    private String colourBarTitle;
    private boolean colourBar;
    private boolean borders;
    private String title = "";
    private String xAxisTitle = "";
    private String yAxisTitle = "";
    private List<String> columnLabels = List.of();
    private List<String> rowLabels = List.of();
    private List<String> rowAnnotations = List.of();
    private int cellWidth;
    private int cellHeight;

    private PanelGrid(ColourMap map, boolean colourBar) {
        this.map = map;
        this.colourBar = colourBar;
        this.colourBarTitle = "";
    }

    /** Diverging blue-white-red, limits symmetric around 0 shared by all panels, with a colour bar. */
    public static PanelGrid heatmap() {
        PanelGrid grid = new PanelGrid(ColourMap.diverging(), true);
        grid.borders = true;
        return grid;
    }

    /** Greyscale images with values in [0, 1] (black 0, white 1), no colour bar. */
    public static PanelGrid images() {
        PanelGrid grid = new PanelGrid(ColourMap.greyscale(), false);
        grid.borders = true;
        grid.fixedScale = new ColourScale(grid.map, 0, 1);
        return grid;
    }

    public PanelGrid put(int row, int col, Panel panel) {
        panels.put(key(row, col), panel);
        return this;
    }

    public PanelGrid title(String text) {
        this.title = text;
        return this;
    }

    /** Title above the column labels. */
    public PanelGrid xAxisTitle(String text) {
        this.xAxisTitle = text;
        return this;
    }

    /** Vertical title left of the row labels. */
    public PanelGrid yAxisTitle(String text) {
        this.yAxisTitle = text;
        return this;
    }

    public PanelGrid columnLabels(List<String> labels) {
        this.columnLabels = List.copyOf(labels);
        return this;
    }

    public PanelGrid rowLabels(List<String> labels) {
        this.rowLabels = List.copyOf(labels);
        return this;
    }

    /** Text right of each row, e.g. "failure 0.83, p=0.01". */
    public PanelGrid rowAnnotations(List<String> annotations) {
        this.rowAnnotations = List.copyOf(annotations);
        return this;
    }

    /** Changes the colour map; limits are recomputed from the data unless {@link #scale} fixes them. */
    public PanelGrid colourMap(ColourMap newMap) {
        this.map = newMap;
        if (fixedScale != null) {
            fixedScale = new ColourScale(newMap, fixedScale.min(), fixedScale.max());
        }
        return this;
    }

    /** Fixes the colour limits (otherwise they span all panels' values; symmetric for a diverging map). */
    public PanelGrid scale(ColourScale scale) {
        this.fixedScale = scale;
        this.map = scale.map();
        return this;
    }

    public PanelGrid colourBar(String barTitle) {
        this.colourBar = true;
        this.colourBarTitle = barTitle == null ? "" : barTitle;
        return this;
    }

    public PanelGrid noColourBar() {
        this.colourBar = false;
        return this;
    }

    /** Size each panel is drawn at, in PNG pixels (default: 4 px per value for square panels, 560 x 36 for strips). */
    public PanelGrid cellSize(int width, int height) {
        this.cellWidth = width;
        this.cellHeight = height;
        return this;
    }

    /** The colour scale the panels are drawn with. */
    public ColourScale effectiveScale() {
        if (fixedScale != null) {
            return fixedScale;
        }
        List<float[]> all = new ArrayList<>();
        panels.values().forEach(p -> all.add(p.values()));
        return ColourScale.spanning(map, all);
    }

    public BufferedImage render() {
        int rows = rowCount();
        int cols = colCount();
        if (rows == 0 || cols == 0) {
            throw new IllegalStateException("a panel grid needs at least one panel");
        }
        ColourScale scale = effectiveScale();
        int cw = cellWidth > 0 ? cellWidth : defaultCellWidth();
        int ch = cellHeight > 0 ? cellHeight : defaultCellHeight();
        boolean panelTitles = panels.values().stream().anyMatch(p -> !p.title().isEmpty());
        int panelTitleHeight = panelTitles ? Text.height(FigureStyle.SMALL) + 2 : 0;

        int titleHeight = title.isEmpty() ? 0 : Text.height(FigureStyle.TITLE) + GAP;
        int xTitleHeight = xAxisTitle.isEmpty() ? 0 : Text.height(FigureStyle.LABEL) + 2;
        int colLabelHeight = columnLabels.isEmpty() ? 0 : Text.height(FigureStyle.LABEL) + GAP;
        int yTitleWidth = yAxisTitle.isEmpty() ? 0 : Text.height(FigureStyle.LABEL) + GAP;
        int rowLabelWidth = rowLabels.isEmpty() ? 0 : Text.maxWidth(FigureStyle.LABEL, rowLabels) + GAP;
        int annotationWidth = rowAnnotations.isEmpty() ? 0 : Text.maxWidth(FigureStyle.TICK, rowAnnotations) + GAP * 2;

        int gridLeft = PAD + yTitleWidth + rowLabelWidth;
        int gridTop = PAD + titleHeight + xTitleHeight + colLabelHeight;
        int rowPitch = panelTitleHeight + ch + GAP;
        int colPitch = cw + GAP;
        int gridWidth = cols * colPitch - GAP;
        int gridHeight = rows * rowPitch - GAP;
        int barHeight = Math.max(80, Math.min(gridHeight - panelTitleHeight, 360));
        int barWidth = colourBar ? GAP * 3 + ColourBar.width(scale, colourBarTitle) : 0;
        int width = gridLeft + gridWidth + annotationWidth + barWidth + PAD;
        width = Math.max(width, Text.width(FigureStyle.TITLE, title) + 2 * PAD);
        int height = gridTop + Math.max(gridHeight, colourBar ? barHeight + panelTitleHeight : 0) + PAD;

        BufferedImage image = FigureStyle.blank(width, height);
        Graphics2D g = FigureStyle.graphics(image);
        Text.centred(g, FigureStyle.TITLE, title, width / 2.0, PAD + Text.height(FigureStyle.TITLE) / 2.0);
        Text.centred(g, FigureStyle.LABEL, xAxisTitle, gridLeft + gridWidth / 2.0,
                PAD + titleHeight + xTitleHeight / 2.0);
        for (int c = 0; c < Math.min(cols, columnLabels.size()); c++) {
            Text.centred(g, FigureStyle.LABEL, columnLabels.get(c), gridLeft + c * colPitch + cw / 2.0,
                    gridTop - colLabelHeight / 2.0);
        }
        Text.vertical(g, FigureStyle.LABEL, yAxisTitle, PAD + Text.height(FigureStyle.LABEL) / 2.0, gridTop + gridHeight / 2.0);
        for (int r = 0; r < rows; r++) {
            int top = gridTop + r * rowPitch;
            double middle = top + panelTitleHeight + ch / 2.0;
            if (r < rowLabels.size()) {
                Text.rightAligned(g, FigureStyle.LABEL, rowLabels.get(r), gridLeft - GAP, middle);
            }
            if (r < rowAnnotations.size()) {
                Text.leftAligned(g, FigureStyle.TICK, rowAnnotations.get(r), gridLeft + gridWidth + GAP * 2, middle);
            }
            for (int c = 0; c < cols; c++) {
                Panel p = panels.get(key(r, c));
                if (p == null) {
                    continue;
                }
                int left = gridLeft + c * colPitch;
                Text.centred(g, FigureStyle.SMALL, p.title(), left + cw / 2.0, top + panelTitleHeight / 2.0);
                p.draw(g, scale, left, top + panelTitleHeight, cw, ch);
                if (borders) {
                    g.setColor(new Color(0xB0B0B0));
                    g.drawRect(left, top + panelTitleHeight, cw - 1, ch - 1);
                    g.setColor(FigureStyle.INK);
                }
            }
        }
        if (colourBar) {
            ColourBar.draw(g, scale, colourBarTitle, gridLeft + gridWidth + annotationWidth + GAP * 3,
                    gridTop + panelTitleHeight, barHeight);
        }
        g.dispose();
        return image;
    }

    private int rowCount() {
        int n = rowLabels.size();
        for (long k : panels.keySet()) {
            n = Math.max(n, (int) (k >> 32) + 1);
        }
        return n;
    }

    private int colCount() {
        int n = columnLabels.size();
        for (long k : panels.keySet()) {
            n = Math.max(n, (int) k + 1);
        }
        return n;
    }

    private boolean allStrips() {
        return panels.values().stream().allMatch(p -> p.rows() == 1 && p.cols() > 1);
    }

    private int defaultCellWidth() {
        if (allStrips()) {
            return 560;
        }
        Panel first = panels.values().iterator().next();
        int perValue = Math.max(1, 112 / Math.max(first.rows(), first.cols()));
        return Math.max(24, first.cols() * Math.max(perValue, 1));
    }

    private int defaultCellHeight() {
        if (allStrips()) {
            return 36;
        }
        Panel first = panels.values().iterator().next();
        int perValue = Math.max(1, 112 / Math.max(first.rows(), first.cols()));
        return Math.max(24, first.rows() * perValue);
    }

    private static long key(int row, int col) {
        if (row < 0 || col < 0) {
            throw new IllegalArgumentException("panel position must be non-negative, got " + row + ", " + col);
        }
        return ((long) row << 32) | col;
    }
}

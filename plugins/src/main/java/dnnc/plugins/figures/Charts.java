package dnnc.plugins.figures;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * The house style of every XChart chart: {@link FigureStyle}'s fonts, ink and series colours on white, legend
 * outside the plot on the right, so line, bar and histogram charts look like the panel grids beside them.
 */
final class Charts {
    private Charts() {
    }

    static void style(Styler styler, int seriesCount) {
        styler.setChartBackgroundColor(FigureStyle.BACKGROUND);
        styler.setPlotBackgroundColor(FigureStyle.BACKGROUND);
        styler.setPlotBorderVisible(false);
        styler.setChartFontColor(FigureStyle.INK);
        styler.setChartTitleFont(FigureStyle.TITLE);
        styler.setChartTitleBoxVisible(false);
        styler.setLegendFont(FigureStyle.SMALL);
        styler.setLegendBorderColor(FigureStyle.BACKGROUND);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendVisible(seriesCount > 0);
        Color[] colours = new Color[Math.max(1, seriesCount)];
        for (int k = 0; k < colours.length; k++) {
            colours[k] = FigureStyle.seriesColour(k);
        }
        styler.setSeriesColors(colours);
        styler.setAntiAlias(true);
    }

    /** XChart centres the title over the plot, left of the legend: room for both. */
    private static final int LEGEND_ALLOWANCE = 260;

    /** The requested width, widened when the title would not fit. */
    static int width(int requested, String title) {
        return Math.max(requested, Text.width(FigureStyle.TITLE, title) + LEGEND_ALLOWANCE);
    }

    /** Plain decimals with a leading zero ("0.05", not ".05") on linear axes; XChart's defaults are kept on log axes. */
    static final String DECIMALS = "0.###";

    static void styleAxes(org.knowm.xchart.style.AxesChartStyler styler) {
        styler.setAxisTitleFont(FigureStyle.LABEL);
        styler.setAxisTickLabelsFont(FigureStyle.TICK);
        styler.setAxisTickLabelsColor(FigureStyle.INK);
        styler.setAxisTickMarksColor(FigureStyle.INK);
        styler.setPlotGridLinesColor(FigureStyle.GRID);
        styler.setPlotGridVerticalLinesVisible(false);
    }

    static BufferedImage render(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }
}

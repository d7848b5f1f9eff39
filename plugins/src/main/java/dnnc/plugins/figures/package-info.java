/**
 * The figures every step draws, as PNG or GIF files with their data as CSV beside them ({@link FigureFiles}).
 * <p>
 * Line, bar and histogram charts are drawn by XChart ({@link LineChart}, {@link BarChart}, {@link Histogram} keep
 * one small builder each, styled alike by {@link Charts}). What remains hand-written is what no chart library
 * gives in the form the study needs:
 * <ul>
 *   <li>{@link PanelGrid}, {@link Panel}, {@link ColourMap}, {@link ColourScale}, {@link ColourBar}: grids of
 *   small images and heat maps (rows alpha, columns latents or classes) sharing one colour scale, symmetric around
 *   zero for effects, with row and column labels and per-row annotations — figures 3.1-3.4, 3.6, 3.7;</li>
 *   <li>{@link GifWriter} and {@link GifPalette}: looping animations (the loop extension set through the JDK's GIF
 *   writer's metadata) whose colours are kept exactly (given per-frame metadata, that writer would otherwise
 *   write a generic palette);</li>
 *   <li>{@link PngWriter} and {@link CsvWriter}: atomic writes of the image and its data;</li>
 *   <li>{@link FigureStyle}, {@link Text}, {@link Ticks}: the fonts, colours, text measuring and tick labels the
 *   grids use.</li>
 * </ul>
 */
package dnnc.plugins.figures;

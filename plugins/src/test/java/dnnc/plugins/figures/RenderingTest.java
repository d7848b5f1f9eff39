package dnnc.plugins.figures;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders each kind of figure, checks pixels at places whose colour is known, and leaves the PNGs under
 * target/figure-previews for a person to look at.
 */
class RenderingTest {
    private static final Path PREVIEWS = Path.of("target", "figure-previews");

    @Test
    void heatmapDrawsZeroWhiteAndSharesSymmetricLimitsAcrossPanels() throws IOException {
        float[] left = new float[28 * 28];
        float[] right = new float[28 * 28];
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                left[r * 28 + c] = c < 14 ? -0.5f : 0f;
                right[r * 28 + c] = (c - 14) / 14f * 0.25f;
            }
        }
        PanelGrid grid = PanelGrid.heatmap().title("ACE of z_1 on the output").xAxisTitle("alpha")
                .columnLabels(List.of("-1", "+1")).rowLabels(List.of("z_1")).yAxisTitle("input")
                .put(0, 0, Panel.of(left, 28, 28).titled("left")).put(0, 1, Panel.of(right, 28, 28)).colourBar("ACE");
        assertEquals(-0.5, grid.effectiveScale().min(), 1e-7);
        assertEquals(0.5, grid.effectiveScale().max(), 1e-7);
        assertEquals(0xffffff, grid.effectiveScale().rgb(0));
        BufferedImage image = readBack(PngWriter.write(PREVIEWS.resolve("heatmap.png"), grid.render()));
        assertTrue(image.getWidth() > 2 * 112 && image.getHeight() > 112);
        assertTrue(countColour(image, ColourMap.diverging().rgb(0.0)) >= 54 * 108,
                "the -0.5 half is drawn in the darkest blue");
    }

    @Test
    void stripsOfDifferentLengthsShareOneWidth() throws IOException {
        PanelGrid grid = PanelGrid.heatmap().title("hidden layers").rowLabels(List.of("h1 (128)", "h2 (256)", "h3 (512)"))
                .put(0, 0, Panel.strip(ramp(128, 1f))).put(1, 0, Panel.strip(ramp(256, -2f))).put(2, 0, Panel.strip(ramp(512, 0.5f)))
                .colourBar("ACE");
        assertEquals(2.0, grid.effectiveScale().max(), 1e-6);
        readBack(PngWriter.write(PREVIEWS.resolve("strips.png"), grid.render()));
    }

    @Test
    void imageGridShowsGreyscaleWithAnnotations() throws IOException {
        PanelGrid grid = PanelGrid.images().title("Reconstructions").xAxisTitle("latent").yAxisTitle("alpha")
                .columnLabels(List.of("z_0", "z_1", "z_2")).rowLabels(List.of("-1", "0", "1"))
                .rowAnnotations(List.of("failure 0.83, p=0.01", "failure 0.10, p=0.62", ""));
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                float[] img = new float[28 * 28];
                java.util.Arrays.fill(img, (r * 3 + c) / 8f);
                grid.put(r, c, Panel.of(img, 28, 28));
            }
        }
        BufferedImage image = readBack(PngWriter.write(PREVIEWS.resolve("images.png"), grid.render()));
        assertTrue(countColour(image, 0x000000) >= 108 * 108, "the all-0 image is black");
    }

    @Test
    void chartsRender() throws IOException {
        double[] prefs = {0.01, 0.03, 0.1, 0.3, 1, 3};
        BufferedImage line = LineChart.titled("Clusters vs preference").xLabel("preference").yLabel("clusters")
                .logX(true).series("activation", prefs, new double[] {3, 5, 8, 11, 20, 40}, true)
                .series("ACE", prefs, new double[] {2, 4, Double.NaN, 9, 15, 33}, true).render();
        readBack(PngWriter.write(PREVIEWS.resolve("line.png"), line));
        BufferedImage sweep = LineChart.titled("Clusters vs preference (log-log)").xLabel("p_max - preference").yLabel("clusters")
                .logX(true).logY(true).series("ACE sweep", prefs, new double[] {300, 120, 15, 9, 3, 2}, true)
                .band(0.1, 0.3, "plateau 9-15 clusters").marker(0.2, "chosen").points("each alpha", new double[] {0.2, 0.2}, new double[] {8, 11})
                .render();
        readBack(PngWriter.write(PREVIEWS.resolve("sweep.png"), sweep));
        double[] nulls = new double[200];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < nulls.length; i++) {
            nulls[i] = 0.1 + 0.05 * random.nextGaussian();
        }
        Histogram histogram = Histogram.titled("Failure of random lesions").xLabel("failure rate").values(nulls).bins(15)
                .observed(0.83, "important cluster 0.83");
        assertEquals(200, java.util.Arrays.stream(histogram.binCounts()).sum());
        double[] edges = histogram.binEdges();
        assertTrue(edges[edges.length - 1] >= 0.83, "bins reach the observed value");
        readBack(PngWriter.write(PREVIEWS.resolve("histogram.png"), histogram.render()));
        BufferedImage bars = BarChart.titled("Cluster sizes").xLabel("alpha").yLabel("neurons")
                .categories(List.of("-3", "-2", "-1", "0", "1", "2", "3")).valueLabels(true)
                .series("activation", new double[] {65, 120, 300, 650, 200, 90, 70})
                .series("ACE", new double[] {114, 200, 895, 400, 300, 150, Double.NaN}).render();
        readBack(PngWriter.write(PREVIEWS.resolve("bars.png"), bars));
        BufferedImage fractions = BarChart.titled("Agreement of the clusterings across 3 seeds (mean pairwise adjusted Rand index)")
                .xLabel("alpha").yLabel("ARI").categories(List.of("-3", "0", "3")).valueLabels(true)
                .series("activation", new double[] {0.232955688527492, 0.5, 0.346366461674197})
                .series("ACE", new double[] {0.18401246020437, 0.05, 0.9}).render();
        assertTrue(fractions.getWidth() > 760, "widened for its long title");
        readBack(PngWriter.write(PREVIEWS.resolve("bars-fractions.png"), fractions));
        BufferedImage zeros = BarChart.titled("Nothing found").categories(List.of("-3", "3"))
                .series("critical", new double[] {0, 0}).render();
        readBack(PngWriter.write(PREVIEWS.resolve("bars-zeros.png"), zeros));
        assertThrows(IllegalArgumentException.class,
                () -> BarChart.titled("bad").categories(List.of("a")).series("s", new double[] {1, 2}).render());
    }

    private static float[] ramp(int n, float top) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = top * (2f * i / (n - 1) - 1f);
        }
        return v;
    }

    private static BufferedImage readBack(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image != null && image.getWidth() > 50, file + " is a readable PNG");
        return image;
    }

    private static int countColour(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}

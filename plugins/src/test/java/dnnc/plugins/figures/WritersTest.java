package dnnc.plugins.figures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WritersTest {
    @TempDir
    Path dir;

    @Test
    void pngRoundTripsPixelsAndLeavesNoTemporaryFile() throws IOException {
        BufferedImage image = FigureStyle.blank(30, 20);
        image.setRGB(3, 4, 0x123456);
        Path file = PngWriter.write(dir.resolve("sub/a.png"), image);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(30, back.getWidth());
        assertEquals(20, back.getHeight());
        assertEquals(0x123456, back.getRGB(3, 4) & 0xffffff);
        assertEquals(0xffffff, back.getRGB(0, 0) & 0xffffff);
        try (var listing = Files.list(dir.resolve("sub"))) {
            assertEquals(List.of("a.png"), listing.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void gifHasEveryFrameTheDelayAndTheLoopForeverExtension() throws IOException {
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            BufferedImage frame = FigureStyle.blank(16, 16);
            Graphics2D g = frame.createGraphics();
            g.setColor(Color.BLACK);
            g.fillRect(i * 3, 0, 3, 16);
            g.dispose();
            frames.add(frame);
        }
        Path file = GifWriter.write(dir.resolve("a.gif"), frames, 120);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(5, reader.getNumImages(true));
            for (int i = 0; i < 5; i++) {
                BufferedImage frame = reader.read(i);
                assertEquals(0, frame.getRGB(i * 3 + 1, 8) & 0xffffff, "frame " + i + " has its bar");
                IIOMetadata meta = reader.getImageMetadata(i);
                Node control = find(meta.getAsTree("javax_imageio_gif_image_1.0"), "GraphicControlExtension");
                assertEquals("12", control.getAttributes().getNamedItem("delayTime").getNodeValue());
            }
            Node app = find(reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0"), "ApplicationExtension");
            assertEquals("NETSCAPE", app.getAttributes().getNamedItem("applicationID").getNodeValue());
            assertEquals("2.0", app.getAttributes().getNamedItem("authenticationCode").getNodeValue());
            byte[] loop = (byte[]) ((javax.imageio.metadata.IIOMetadataNode) app).getUserObject();
            assertArrayEquals(new byte[] {1, 0, 0}, loop, "loop count 0 = forever");
            reader.dispose();
        }
    }

    @Test
    void greyFramesKeepEveryGreyExactlyAndColourFramesKeepTheirColour() throws IOException {
        BufferedImage grey = FigureStyle.blank(300, 1);
        for (int x = 0; x < 256; x++) {
            grey.setRGB(x, 0, x * 0x010101);
        }
        BufferedImage colour = FigureStyle.blank(300, 1);
        colour.setRGB(1, 0, 0xd62728);
        BufferedImage manyColours = FigureStyle.blank(300, 1);
        for (int x = 0; x < 300; x++) {
            manyColours.setRGB(x, 0, ColourMap.diverging().rgb(x / 299.0));
        }
        Path file = GifWriter.write(dir.resolve("mixed.gif"), List.of(grey, colour, manyColours), 50);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            BufferedImage greyBack = reader.read(0);
            for (int x = 0; x < 256; x++) {
                assertEquals(x * 0x010101, greyBack.getRGB(x, 0) & 0xffffff);
            }
            int red = reader.read(1).getRGB(1, 0);
            assertTrue(((red >> 16) & 0xff) > 180 && (red & 0xff) < 80, "red stays red");
            BufferedImage gradient = reader.read(2);
            double error = 0;
            for (int x = 0; x < 300; x++) {
                int want = manyColours.getRGB(x, 0);
                int got = gradient.getRGB(x, 0);
                for (int shift = 0; shift <= 16; shift += 8) {
                    error += Math.abs((want >> shift & 0xff) - (got >> shift & 0xff));
                }
            }
            assertTrue(error / 900 < 4, "300 colours squeezed into 256 stay close, mean error " + error / 900);
            reader.dispose();
        }
    }

    @Test
    void csvQuotesCellsThatNeedItAndChecksRowWidths() throws IOException {
        Path file = CsvWriter.write(dir.resolve("a.csv"), List.of("alpha", "note"),
                List.of(List.of(-3.0, "plain"), List.of(0.125, "with, comma \"q\"")));
        assertEquals("alpha,note\n-3.0,plain\n0.125,\"with, comma \"\"q\"\"\"\n", Files.readString(file));
        assertThrows(IllegalArgumentException.class,
                () -> CsvWriter.write(dir.resolve("b.csv"), List.of("a", "b"), List.of(List.of(1))));
    }

    private static Node find(Node node, String name) {
        if (node.getNodeName().equals(name)) {
            return node;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node hit = find(c, name);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }
}

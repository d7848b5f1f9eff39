package dnnc.plugins.figures;

import dnnc.io.AtomicFile;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes PNGs atomically (temporary file, then rename). */
public final class PngWriter {
    private PngWriter() {
    }

    public static Path write(Path file, RenderedImage image) {
        return AtomicFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}

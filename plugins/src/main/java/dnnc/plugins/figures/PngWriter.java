package dnnc.plugins.figures;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Writes PNGs atomically (temporary file, then rename). */
public final class PngWriter {
    private PngWriter() {
    }

    public static Path write(Path file, RenderedImage image) {
        return AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}

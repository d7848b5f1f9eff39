package dnnc.plugins.figures;

import dnnc.api.RunContext;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Saves a figure beside its numbers: {@code <name>.png} and {@code <name>.csv} in the run folder, both recorded
 * as artifacts, so every picture in the report can be checked against data.
 */
public final class FigureFiles {
    private FigureFiles() {
    }

    /** Writes and records {@code <name>.png}; returns its path. */
    public static Path png(RunContext context, String name, BufferedImage image, String description) {
        Path file = PngWriter.write(context.outputDir().resolve(name + ".png"), image);
        context.recorder().artifact(file, description);
        return file;
    }

    /** Writes and records {@code <name>.csv}; returns its path. */
    public static Path csv(RunContext context, String name, List<String> header, List<? extends List<?>> rows,
                           String description) {
        Path file = CsvWriter.write(context.outputDir().resolve(name + ".csv"), header, rows);
        context.recorder().artifact(file, description);
        return file;
    }

    /** Writes and records {@code <name>.gif}, looping forever; returns its path. */
    public static Path gif(RunContext context, String name, List<BufferedImage> frames, int frameDelayMillis,
                           String description) {
        Path file = GifWriter.write(context.outputDir().resolve(name + ".gif"), frames, frameDelayMillis);
        context.recorder().artifact(file, description);
        return file;
    }

    /** The PNG and its data CSV together. */
    public static Path pngWithData(RunContext context, String name, BufferedImage image, List<String> header,
                                   List<? extends List<?>> rows, String description) {
        csv(context, name, header, rows, "data of " + name + ".png: " + description);
        return png(context, name, image, description);
    }
}

package dnnc.plugins.data;

import dnnc.api.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where an images file and its labels file are: the embedded copy on the classpath, or a folder. */
final class IdxPair {
    static final String EMBEDDED = "embedded";
    private static final String EMBEDDED_FOLDER = "/dnnc/data/mnist-10k/";

    /** Base names of (images, labels) pairs, tried in order: ours, then MNIST's and Fashion-MNIST's training files. */
    private static final List<String[]> KNOWN_NAMES = List.of(
            new String[] {"images-idx3-ubyte", "labels-idx1-ubyte"},
            new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte"},
            new String[] {"train-images.idx3-ubyte", "train-labels.idx1-ubyte"});

    final IdxFile images;
    final IdxFile labels;
    final String source;

    private IdxPair(String source, IdxFile images, IdxFile labels) {
        this.source = source;
        this.images = images;
        this.labels = labels;
    }

    static IdxPair open(String dir) {
        if (dir.equals(EMBEDDED)) {
            return new IdxPair("embedded:mnist-10k",
                    IdxFile.parse("classpath:" + EMBEDDED_FOLDER + "images-idx3-ubyte.gz", resource("images-idx3-ubyte.gz"), 3),
                    IdxFile.parse("classpath:" + EMBEDDED_FOLDER + "labels-idx1-ubyte.gz", resource("labels-idx1-ubyte.gz"), 1));
        }
        Path folder = Path.of(dir);
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("data folder " + folder + " does not exist; give dir=embedded or a folder holding IDX files");
        }
        for (String[] names : KNOWN_NAMES) {
            Path images = existing(folder, names[0]);
            if (images != null) {
                Path labels = existing(folder, names[1]);
                if (labels == null) {
                    throw new InvalidInputException("labels file " + folder.resolve(names[1]) + "[.gz] is missing beside " + images);
                }
                return new IdxPair(folder.toAbsolutePath().normalize().toString(), read(images, 3), read(labels, 1));
            }
        }
        List<String> tried = new ArrayList<>();
        KNOWN_NAMES.forEach(n -> tried.add(n[0] + "[.gz]"));
        throw new InvalidInputException("no IDX images file in " + folder + "; expected one of " + String.join(", ", tried));
    }

    private static Path existing(Path folder, String base) {
        for (String name : new String[] {base + ".gz", base}) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static IdxFile read(Path file, int rank) {
        try {
            return IdxFile.parse(file.toString(), Files.readAllBytes(file), rank);
        } catch (IOException e) {
            throw new InvalidInputException("IDX file " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = IdxPair.class.getResourceAsStream(EMBEDDED_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("embedded data set file " + EMBEDDED_FOLDER + name + " is missing from the plugins jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("embedded data set file " + EMBEDDED_FOLDER + name + " could not be read", e);
        }
    }
}

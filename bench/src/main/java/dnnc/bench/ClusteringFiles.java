package dnnc.bench;

import dnnc.api.Matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The similarity matrices the clustering benchmark solved and its labels, left in its scratch folder so the reference
 * runs scikit-learn on the very same input: {@code ap-similarity-nN.npy} (float64, row-major) and {@code ap-labels-nN.txt}.
 */
public final class ClusteringFiles {
    private static final Pattern SIMILARITY = Pattern.compile("ap-similarity-n(\\d+)\\.npy");

    private ClusteringFiles() {
    }

    public static Path similarity(Path folder, int n) {
        return folder.resolve("ap-similarity-n" + n + ".npy");
    }

    public static Path labels(Path folder, int n) {
        return folder.resolve("ap-labels-n" + n + ".txt");
    }

    public static void write(Path folder, Matrix similarity, int[] labels) {
        int n = similarity.rows();
        try {
            Files.createDirectories(folder);
            similarity.writeNpy(similarity(folder, n));
            Files.writeString(labels(folder, n), IntStream.of(labels).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sizes written to {@code folder}, smallest first (none when the folder is missing). */
    public static List<Integer> sizes(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> SIMILARITY.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1))).filter(n -> Files.isRegularFile(labels(folder, n))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

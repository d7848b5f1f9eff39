package dnnc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The files of a run folder, by a path relative to it. A path that leaves the folder in any way (a '..' segment,
 * an absolute path, a symbolic link pointing out, a NUL byte) finds nothing, exactly like a file that is not there.
 */
final class RunFiles {
    /** Types a browser shows; anything else is downloaded. */
    private static final Map<String, String> SHOWN_TYPES = Map.of(
            "png", "image/png", "gif", "image/gif", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "svg", "image/svg+xml", "html", "text/html; charset=utf-8", "txt", "text/plain; charset=utf-8",
            "json", "application/json", "csv", "text/csv; charset=utf-8");

    private RunFiles() {
    }

    /** The regular file at relativePath inside runFolder, if the path stays inside it. */
    static Optional<Path> resolve(Path runFolder, String relativePath) {
        if (relativePath == null || relativePath.isEmpty() || relativePath.indexOf('\0') >= 0
                || relativePath.startsWith("/") || relativePath.contains("\\")) {
            return Optional.empty();
        }
        try {
            Path folder = runFolder.toAbsolutePath().normalize();
            Path candidate = folder.resolve(relativePath).normalize();
            if (!candidate.startsWith(folder) || candidate.equals(folder) || !Files.isRegularFile(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            return real.startsWith(folder.toRealPath()) ? Optional.of(real) : Optional.empty();
        } catch (InvalidPathException | IOException e) {
            return Optional.empty();
        }
    }

    /** The media type of a shown file, or empty for files to download. */
    static Optional<String> shownType(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(SHOWN_TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** How the run page presents an artifact: image (also animated GIFs), the HTML report, or a download. */
    static String kind(String path) {
        String type = shownType(path).orElse("");
        return type.startsWith("image/") ? "image" : type.startsWith("text/html") ? "html" : "file";
    }
}

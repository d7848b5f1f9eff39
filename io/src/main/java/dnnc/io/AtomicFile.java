package dnnc.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary sibling with a unique name and a rename onto the target, so a reader (or a
 * run killed half-way) never sees half a file, and two writers of one target never share a temporary file.
 * A failed write (a full disk) leaves no temporary file behind and throws {@link UncheckedIOException} naming the
 * target, its cause the {@link IOException} (what callers that explain a full disk look for).
 */
public final class AtomicFile {
    /** What goes into the file. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static Path write(Path target, Body body) {
        return write(target, ".tmp", body);
    }

    /** As {@link #write(Path, Body)}, the temporary file ending in {@code temporarySuffix} (".part" for models). */
    public static Path write(Path target, String temporarySuffix, Body body) {
        try {
            Path folder = target.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "." + target.getFileName(), temporarySuffix);
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                    body.writeTo(out);
                }
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    public static Path writeBytes(Path target, byte[] bytes) {
        return write(target, out -> out.write(bytes));
    }

    public static Path writeString(Path target, String text) {
        return writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }
}

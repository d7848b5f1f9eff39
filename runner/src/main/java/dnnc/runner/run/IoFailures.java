package dnnc.runner.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** A failed write or read (a full disk, a read-only folder) told as one line: what could not be done, and why. */
final class IoFailures {
    private IoFailures() {
    }

    /** The line, or null when {@code e} holds no I/O failure. */
    static String describe(Throwable e) {
        String action = null;
        IOException cause = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (action == null && t instanceof UncheckedIOException u && t.getCause() != null
                    && !String.valueOf(u.getMessage()).equals(t.getCause().toString())) {
                action = u.getMessage();
            }
            if (t instanceof IOException io) {
                cause = io;
            }
        }
        if (cause == null) {
            return null;
        }
        String reason = reason(cause);
        String line = action != null ? action + ": " + reason : reason;
        if (reason.contains("No space left") || reason.contains("File too large") || reason.contains("quota")) {
            line += "; free some space or choose another --runs/--cache folder";
        } else if (reason.contains("Read-only file system") || cause instanceof AccessDeniedException) {
            line += "; choose a writable --runs/--cache folder";
        }
        return line;
    }

    private static String reason(IOException io) {
        if (io instanceof FileSystemException fs) {
            String why = fs.getReason() != null ? fs.getReason()
                    : io instanceof AccessDeniedException ? "permission denied"
                    : io instanceof NoSuchFileException ? "no such file or folder"
                    : io instanceof FileAlreadyExistsException ? "a file is in the way" : "file system error";
            return (fs.getFile() == null ? "" : fs.getFile() + ": ") + why;
        }
        return String.valueOf(io.getMessage());
    }
}

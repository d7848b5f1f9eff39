package dnnc.io;

/** A file that cannot be read in its format (.npy, CSV); the message is one line naming the file and what would be valid. */
public final class FileFormatException extends RuntimeException {
    FileFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    FileFormatException(String message) {
        super(message);
    }
}

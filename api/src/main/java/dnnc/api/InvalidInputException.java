package dnnc.api;

/**
 * A problem with what the user gave us (a file, a parameter, a workflow). The message is one line naming
 * the file, line or parameter and what would be valid; the CLI prints it without a stack trace.
 */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dnnc.db;

/** The record store failed for a reason the user did not cause (a broken connection, a full disk). */
public class RecordStoreException extends RuntimeException {
    public RecordStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

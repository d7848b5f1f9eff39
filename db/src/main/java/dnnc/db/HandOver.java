package dnnc.db;

import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;

import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How H2 reports a served file changing hands (AUTO_SERVER): the process serving it ends and the next one to
 * connect serves it. Both kinds of failure pass once the hand-over is done, so they are retried, never reported.
 */
final class HandOver {
    /**
     * What a connection through the serving process reports when that process ends, depending on the moment: the
     * socket broke, the database was closed, it is being closed by that process's exit, or a result set or statement
     * went with it.
     */
    private static final Set<Integer> SERVER_GONE = Set.of(ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED,
            ErrorCode.DATABASE_CALLED_AT_SHUTDOWN, ErrorCode.OBJECT_CLOSED);
    /**
     * What opening reports while the lock file changes hands: the old server has not yet removed it, or has just,
     * or another process took it first (H2's FileLock). Only a lock that lasts is a program holding the file.
     */
    private static final Set<String> LOCK_CHANGING_HANDS = Set.of("Lock file recently modified",
            "Another process was faster", "Concurrent update");
    /**
     * A statement the serving process was running when its exit closed the store: H2 sends it back as a general error
     * whose text ends with the store's code for "closed" ("Transaction 1 is closed [2.3.232/4]"); only the text
     * crosses the connection, not the store's exception.
     */
    private static final Pattern STORE_CLOSED = Pattern.compile("\\[[0-9.]+/" + DataUtils.ERROR_CLOSED + "]");

    private HandOver() {
    }

    /** True when the failure is the served file going away (its serving process ended), not the work itself. */
    static boolean isServerGone(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && reportsServerGone(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reportsServerGone(SQLException e) {
        return SERVER_GONE.contains(e.getErrorCode())
                || e.getErrorCode() == ErrorCode.GENERAL_ERROR_1 && STORE_CLOSED.matcher(String.valueOf(e.getMessage())).find();
    }

    /** True when opening may succeed a moment later: the file is changing hands, or its server just went away. */
    static boolean isOpeningRace(SQLException e) {
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1 || isServerGone(e)) {
            return true;
        }
        String message = String.valueOf(e.getMessage());
        return e.getErrorCode() == ErrorCode.ERROR_OPENING_DATABASE_1
                && LOCK_CHANGING_HANDS.stream().anyMatch(message::contains);
    }
}

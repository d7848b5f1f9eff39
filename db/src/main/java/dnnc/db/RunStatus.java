package dnnc.db;

import dnnc.api.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a run or a step stands. Stored lower-case ("running") in the status columns. */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED, INTERRUPTED;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this != RUNNING;
    }

    /** Parses a user-given status ("failed"), or says which statuses exist. */
    public static RunStatus parse(String text) {
        for (RunStatus status : values()) {
            if (status.sqlName().equalsIgnoreCase(text.trim())) {
                return status;
            }
        }
        throw new InvalidInputException("unknown run status '" + text + "'; valid statuses: "
                + Arrays.stream(values()).map(RunStatus::sqlName).collect(Collectors.joining(", ")));
    }

    static RunStatus fromSql(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }
}

package dnnc.web;

import java.util.List;

/**
 * A column of the runs table. Run fields come from the runs table itself; any other name is a workflow parameter
 * of the run or, when the run has no such parameter, one of its results (a dotted path).
 */
public record RunColumn(String key, Kind kind) {
    public enum Kind { RUN, PARAMETER, RESULT }

    /** Always first; id cannot be hidden (rows link through it). */
    public static final List<String> RUN_FIELDS = List.of("id", "status", "workflow", "started", "duration", "seed");
    /** Not shown by default but readable in filters, sorts and columns. */
    public static final List<String> HIDDEN_RUN_FIELDS = List.of("ended", "error");

    public static boolean isRunField(String name) {
        return RUN_FIELDS.contains(name) || HIDDEN_RUN_FIELDS.contains(name);
    }
}

package dnnc.db;

/**
 * Which runs to list.
 *
 * @param status           only runs in this status, or null for all
 * @param workflowContains only runs whose workflow path contains this text, or null for all
 */
public record RunFilter(RunStatus status, String workflowContains) {
    public static RunFilter all() {
        return new RunFilter(null, null);
    }
}

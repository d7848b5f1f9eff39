package dnnc.api;

import java.util.Map;

/**
 * What a report needs to say about the run itself: the workflow it ran, its parameters, and where and with
 * what it ran (provenance), so a reader can repeat it.
 */
public record RunInfo(String runId, String workflowPath, String workflowSha256, Map<String, String> parameters,
                      long seed, Map<String, String> provenance) {
    public static RunInfo unknown(String runId) {
        return new RunInfo(runId, "", "", Map.of(), 0, Map.of());
    }
}

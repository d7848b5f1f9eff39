package dnnc.db;

import java.nio.file.Path;
import java.util.Map;

/**
 * What repeating a run needs. workflowText is the text as it was run, which may differ from the file now at
 * workflowPath (compare its sha256 with workflowSha256).
 */
public record RerunSpec(String runId, Path workflowPath, String workflowText, String workflowSha256,
                        Map<String, Object> parameters, long seed) {
}

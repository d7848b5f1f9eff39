package dnnc.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** Everything {@code dnnc runs show} prints about one run. Arrays and tables are listed by name and size. */
public record RunDetails(RunSummary summary, String workflowSha256, JsonNode parameters, String outputDir,
                         String dnncVersion, long pid, String host, Map<String, String> provenance,
                         Map<String, String> inputHashes, List<StepRecord> steps, ObjectNode results,
                         Map<String, List<Integer>> arrayShapes, Map<String, Integer> tableRowCounts,
                         List<ArtifactRecord> artifacts, List<WarningRecord> warnings) {
    /** Parameters under dotted keys ("data.digits"). */
    public Map<String, JsonNode> flatParameters() {
        return ResultPaths.flatten(parameters);
    }

    /** Results under their dotted paths ("model.test_bce"). */
    public Map<String, JsonNode> flatResults() {
        return ResultPaths.flatten(results);
    }
}

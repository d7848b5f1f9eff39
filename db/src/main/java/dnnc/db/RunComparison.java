package dnnc.db;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * How run B differs from run A, key by key. Sections: "run" (workflow, seed, status, version), "parameters"
 * (workflow parameters flattened to dotted keys) and "results" (dotted result paths).
 */
public record RunComparison(RunSummary a, RunSummary b, List<Difference> differences, int equalParameters,
                            int equalResults) {

    /** A key whose values differ; a side is null when the key is absent from that run. */
    public record Difference(String section, String key, JsonNode a, JsonNode b) {
        /** b - a when both are numbers. */
        public Double delta() {
            return a != null && b != null && a.isNumber() && b.isNumber() ? b.doubleValue() - a.doubleValue() : null;
        }
    }
}

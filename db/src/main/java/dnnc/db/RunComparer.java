package dnnc.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Key-by-key differences between two runs. */
final class RunComparer {
    private final RunReader reader;

    RunComparer(RunReader reader) {
        this.reader = reader;
    }

    RunComparison compare(String idA, String idB) {
        RunDetails a = reader.details(idA);
        RunDetails b = reader.details(idB);
        List<RunComparison.Difference> differences = new ArrayList<>();
        diff("run", identity(a), identity(b), differences);
        int equalParameters = diff("parameters", ResultPaths.flatten(a.parameters()), ResultPaths.flatten(b.parameters()),
                differences);
        int equalResults = diff("results", ResultPaths.flatten(a.results()), ResultPaths.flatten(b.results()), differences);
        return new RunComparison(a.summary(), b.summary(), differences, equalParameters, equalResults);
    }

    /** Adds the keys whose values differ; returns how many keys are equal. */
    private static int diff(String section, Map<String, JsonNode> a, Map<String, JsonNode> b,
                            List<RunComparison.Difference> differences) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        int equal = 0;
        for (String key : keys) {
            JsonNode valueA = a.get(key);
            JsonNode valueB = b.get(key);
            if (Json.sameValue(valueA, valueB)) {
                equal++;
            } else {
                differences.add(new RunComparison.Difference(section, key, valueA, valueB));
            }
        }
        return equal;
    }

    private static Map<String, JsonNode> identity(RunDetails run) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Map<String, JsonNode> identity = new LinkedHashMap<>();
        identity.put("workflow_path", nodes.textNode(run.summary().workflowPath()));
        identity.put("workflow_sha256", nodes.textNode(run.workflowSha256()));
        identity.put("seed", nodes.numberNode(run.summary().seed()));
        identity.put("status", nodes.textNode(run.summary().status().sqlName()));
        identity.put("dnnc_version", nodes.textNode(run.dnncVersion()));
        return identity;
    }
}

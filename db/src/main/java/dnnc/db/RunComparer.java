package dnnc.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** Key-by-key differences between runs: two (what differs) or any number (side by side). */
final class RunComparer {
    private final RunReader reader;

    RunComparer(RunReader reader) {
        this.reader = reader;
    }

    RunComparison compare(String idA, String idB) {
        SideBySide sideBySide = sideBySide(List.of(idA, idB));
        List<RunComparison.Difference> differences = new ArrayList<>();
        for (SideBySide.Row row : sideBySide.rows()) {
            if (row.differs()) {
                differences.add(new RunComparison.Difference(row.section(), row.key(), row.values().get(0), row.values().get(1)));
            }
        }
        return new RunComparison(sideBySide.runs().get(0), sideBySide.runs().get(1), differences,
                sideBySide.equal().get("parameters"), sideBySide.equal().get("results"));
    }

    SideBySide sideBySide(List<String> ids) {
        List<RunDetails> runs = ids.stream().map(reader::details).toList();
        List<SideBySide.Row> rows = new ArrayList<>();
        Map<String, Integer> equal = new LinkedHashMap<>();
        equal.put("run", section("run", runs, RunComparer::identity, rows));
        equal.put("parameters", section("parameters", runs, RunDetails::flatParameters, rows));
        equal.put("results", section("results", runs, RunDetails::flatResults, rows));
        return new SideBySide(runs.stream().map(RunDetails::summary).toList(), rows, equal);
    }

    /** Adds a row per key of the section, in key order; returns how many keys are equal in every run. */
    private static int section(String section, List<RunDetails> runs, Function<RunDetails, Map<String, JsonNode>> values,
                               List<SideBySide.Row> rows) {
        List<Map<String, JsonNode>> byRun = runs.stream().map(values).toList();
        TreeSet<String> keys = new TreeSet<>();
        byRun.forEach(m -> keys.addAll(m.keySet()));
        int equal = 0;
        for (String key : keys) {
            List<JsonNode> cells = new ArrayList<>();
            byRun.forEach(m -> cells.add(m.get(key)));
            boolean differs = cells.stream().anyMatch(cell -> !Json.sameValue(cells.get(0), cell));
            equal += differs ? 0 : 1;
            rows.add(new SideBySide.Row(section, key, cells, differs));
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

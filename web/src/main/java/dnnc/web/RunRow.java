package dnnc.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dnnc.db.RunListing;
import dnnc.db.RunSummary;

import java.util.Map;

/** One run as the table, its filter and its charts read it: run fields, then parameters, then results. */
record RunRow(RunListing listing, Map<String, JsonNode> results) implements RunFilterExpression.Values {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    String id() {
        return listing.summary().id();
    }

    @Override
    public JsonNode valueOf(String name) {
        if (RunColumn.isRunField(name)) {
            return runField(name);
        }
        JsonNode parameter = listing.parameters().get(name);
        return parameter != null ? parameter : results.get(name);
    }

    private JsonNode runField(String name) {
        RunSummary run = listing.summary();
        return switch (name) {
            case "id" -> NODES.textNode(run.id());
            case "status" -> NODES.textNode(run.status().sqlName());
            case "workflow" -> NODES.textNode(run.workflowPath());
            case "seed" -> NODES.numberNode(run.seed());
            case "started" -> WebJson.instant(run.startedAt());
            case "ended" -> run.endedAt() == null ? null : WebJson.instant(run.endedAt());
            case "duration" -> run.duration().map(d -> (JsonNode) NODES.numberNode(d.toMillis() / 1000.0)).orElse(null);
            case "error" -> run.error() == null ? null : NODES.textNode(run.error());
            default -> throw new IllegalArgumentException("no run field " + name);
        };
    }
}

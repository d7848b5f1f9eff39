package dnnc.db;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** A run as a row of a runs table: its summary and its workflow parameters under dotted keys. */
public record RunListing(RunSummary summary, Map<String, JsonNode> parameters) {
}

package dnnc.db;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A result table as recorded: each row lists its cells in column order. */
public record StoredTable(String name, List<String> columns, List<List<JsonNode>> rows) {
}

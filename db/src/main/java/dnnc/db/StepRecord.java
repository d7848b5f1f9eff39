package dnnc.db;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

public record StepRecord(int ordinal, String stepId, String pluginKind, String pluginName, JsonNode parameters,
                         OffsetDateTime startedAt, OffsetDateTime endedAt, RunStatus status, String error) {
}

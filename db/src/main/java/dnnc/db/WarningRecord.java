package dnnc.db;

import java.time.OffsetDateTime;

public record WarningRecord(Integer stepOrdinal, String message, OffsetDateTime recordedAt) {
}

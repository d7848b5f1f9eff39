package dnnc.db;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/** One line of {@code dnnc runs list}. endedAt is null while running and for interrupted runs. */
public record RunSummary(String id, RunStatus status, String workflowPath, long seed, OffsetDateTime startedAt,
                         OffsetDateTime endedAt, String error) {
    public Optional<Duration> duration() {
        return endedAt == null ? Optional.empty() : Optional.of(Duration.between(startedAt, endedAt));
    }
}

package dnnc.db;

import dnnc.api.InvalidInputException;
import dnnc.io.Sha256;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Map;

/** Opens and closes runs and steps. */
final class RunWriter {
    private static final String DUPLICATE_KEY = "23505";
    private static final int ID_ATTEMPTS = 5;

    private final Database database;

    RunWriter(Database database) {
        this.database = database;
    }

    /** Inserts the run under a fresh id; returns the id and the output folder. */
    RunHandle start(RecordStore store, NewRun run) {
        OwnerProcess owner = OwnerProcess.current();
        String parameters = Json.write(Json.toNode(run.parameters(), "parameters"));
        for (int attempt = 1; ; attempt++) {
            OffsetDateTime now = OffsetDateTime.now();
            String id = RunIds.next(now.toLocalDateTime());
            Path outputDir = run.outputDir() != null ? run.outputDir() : database.location().runsDir().resolve(id);
            try {
                database.transaction(connection -> {
                    insertRun(connection, database.dialect(), id, run, parameters, now, owner, outputDir);
                    insertProvenance(connection, id, run.provenance());
                    return null;
                });
                return new RunHandle(store, id, outputDir);
            } catch (RecordStoreException e) {
                if (attempt >= ID_ATTEMPTS || !isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    void finish(String runId, RunStatus status, String error) {
        if (!status.isFinal()) {
            throw new IllegalArgumentException("a run finishes as succeeded, failed or interrupted, not " + status.sqlName());
        }
        database.transaction(connection -> {
            OffsetDateTime now = OffsetDateTime.now();
            if (Sql.update(connection, "UPDATE runs SET status = ?, ended_at = ?, error = ? WHERE id = ?",
                    status.sqlName(), now, error, runId) == 0) {
                throw new InvalidInputException("no run '" + runId + "' in " + database.location().label());
            }
            closeOpenSteps(connection, runId, status, now);
            return null;
        });
    }

    int startStep(String runId, String stepId, String pluginKind, String pluginName, Map<String, ?> parameters) {
        String parametersJson = Json.write(Json.toNode(parameters == null ? Map.of() : parameters, "step " + stepId + " parameters"));
        return database.transaction(connection -> {
            int ordinal;
            try (PreparedStatement next = connection.prepareStatement(
                    "SELECT COALESCE(MAX(ordinal), 0) + 1 FROM steps WHERE run_id = ?")) {
                next.setString(1, runId);
                try (ResultSet rows = next.executeQuery()) {
                    rows.next();
                    ordinal = rows.getInt(1);
                }
            }
            Sql.update(connection, "INSERT INTO steps (run_id, ordinal, step_id, plugin_kind, plugin_name, parameters, started_at, "
                    + "status) VALUES (?, ?, ?, ?, ?, " + database.dialect().json() + ", ?, ?)", runId, ordinal, stepId, pluginKind, pluginName,
                    parametersJson, OffsetDateTime.now(), RunStatus.RUNNING.sqlName());
            return ordinal;
        });
    }

    void finishStep(String runId, int ordinal, RunStatus status, String error) {
        if (!status.isFinal()) {
            throw new IllegalArgumentException("a step finishes as succeeded, failed or interrupted, not " + status.sqlName());
        }
        database.transaction(connection -> {
            if (Sql.update(connection, "UPDATE steps SET status = ?, ended_at = ?, error = ? WHERE run_id = ? AND ordinal = ?",
                    status.sqlName(), OffsetDateTime.now(), error, runId, ordinal) == 0) {
                throw new IllegalArgumentException("run " + runId + " has no step " + ordinal);
            }
            return null;
        });
    }

    /** A run that ends takes its unfinished steps with it; endedAt is null when nobody saw the end. */
    static void closeOpenSteps(Connection connection, String runId, RunStatus status, OffsetDateTime endedAt)
            throws SQLException {
        Sql.update(connection, "UPDATE steps SET status = ?, ended_at = ? WHERE run_id = ? AND status = 'running'",
                status.sqlName(), endedAt, runId);
    }

    private static void insertRun(Connection connection, Dialect dialect, String id, NewRun run, String parameters, OffsetDateTime now,
                                  OwnerProcess owner, Path outputDir) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO runs (id, workflow_path, workflow_sha256, "
                + "workflow_text, parameters, seed, started_at, status, pid, process_started_at, host, output_dir, dnnc_version) "
                + "VALUES (?, ?, ?, ?, " + dialect.json() + ", ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, run.workflowPath().toString());
            insert.setString(3, Sha256.hex(run.workflowText()));
            insert.setString(4, run.workflowText());
            insert.setString(5, parameters);
            insert.setLong(6, run.seed());
            insert.setObject(7, now);
            insert.setString(8, RunStatus.RUNNING.sqlName());
            insert.setLong(9, owner.pid());
            if (owner.startedAt() == null) {
                insert.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                insert.setObject(10, owner.startedAt().atOffset(now.getOffset()));
            }
            insert.setString(11, owner.host());
            insert.setString(12, outputDir.toString());
            insert.setString(13, run.dnncVersion());
            insert.executeUpdate();
        }
    }

    private static void insertProvenance(Connection connection, String id, Map<String, String> provenance)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO provenance (run_id, name, value_text) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> entry : provenance.entrySet()) {
                insert.setString(1, id);
                insert.setString(2, entry.getKey());
                insert.setString(3, entry.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static boolean isDuplicateKey(RecordStoreException e) {
        return e.getCause() instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState());
    }
}

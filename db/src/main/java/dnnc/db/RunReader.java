package dnnc.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dnnc.api.InvalidInputException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads runs back: lists, details, results, arrays, tables and what a rerun needs. */
final class RunReader {
    static final String SUMMARY_COLUMNS = "id, status, workflow_path, seed, started_at, ended_at, error";

    private final Database database;
    private final boolean asReaderUser;

    /** asReaderUser: every read connects as the SELECT-only user (what a web page or a query may do). */
    RunReader(Database database, boolean asReaderUser) {
        this.database = database;
        this.asReaderUser = asReaderUser;
    }

    private <T> T read(Database.Work<T> work) {
        return asReaderUser ? database.readOnly(work) : database.transaction(work);
    }

    List<RunSummary> list(RunFilter filter) {
        return read(connection -> {
            StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM runs WHERE TRUE");
            List<String> arguments = new ArrayList<>();
            if (filter.status() != null) {
                sql.append(" AND status = ?");
                arguments.add(filter.status().sqlName());
            }
            if (filter.workflowContains() != null && !filter.workflowContains().isEmpty()) {
                sql.append(" AND POSITION(? IN workflow_path) > 0");
                arguments.add(filter.workflowContains());
            }
            sql.append(" ORDER BY started_at, id");
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < arguments.size(); i++) {
                    query.setString(i + 1, arguments.get(i));
                }
                List<RunSummary> runs = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        runs.add(summary(rows));
                    }
                }
                return runs;
            }
        });
    }

    RunSummary summary(String runId) {
        return read(connection -> summary(connection, runId));
    }

    RunDetails details(String runId) {
        return read(connection -> {
            RunSummary summary = summary(connection, runId);
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT workflow_sha256, parameters, output_dir, dnnc_version, pid, host FROM runs WHERE id = ?")) {
                query.setString(1, runId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return new RunDetails(summary, row.getString(1), Json.read(row.getString(2)), row.getString(3),
                            row.getString(4), row.getLong(5), row.getString(6),
                            pairs(connection, "SELECT name, value_text FROM provenance WHERE run_id = ? ORDER BY name", runId),
                            pairs(connection, "SELECT name, sha256 FROM input_hashes WHERE run_id = ? ORDER BY name", runId),
                            steps(connection, runId), results(connection, runId), arrayShapes(connection, runId),
                            tableRowCounts(connection, runId), artifacts(connection, runId), warnings(connection, runId));
                }
            }
        });
    }

    ObjectNode results(String runId) {
        return read(connection -> {
            summary(connection, runId);
            return results(connection, runId);
        });
    }

    RerunSpec rerunSpec(String runId) {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT workflow_path, workflow_text, workflow_sha256, parameters, seed FROM runs WHERE id = ?")) {
                query.setString(1, runId);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw noSuchRun(runId);
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> parameters = Json.MAPPER.convertValue(Json.read(row.getString(4)), LinkedHashMap.class);
                    return new RerunSpec(runId, Path.of(row.getString(1)), row.getString(2), row.getString(3),
                            parameters, row.getLong(5));
                }
            }
        });
    }

    Path outputDir(String runId) {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT output_dir FROM runs WHERE id = ?")) {
                query.setString(1, runId);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw noSuchRun(runId);
                    }
                    return Path.of(row.getString(1));
                }
            }
        });
    }

    StoredArray array(String runId, String name) {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT shape, data FROM arrays WHERE run_id = ? AND name = ?")) {
                query.setString(1, runId);
                query.setString(2, name);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new InvalidInputException("run '" + runId + "' has no array '" + name + "'");
                    }
                    int[] shape = Json.MAPPER.convertValue(Json.read(row.getString(1)), int[].class);
                    byte[] bytes = row.getBytes(2);
                    double[] values = new double[bytes.length / Double.BYTES];
                    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
                    return new StoredArray(name, shape, values);
                }
            }
        });
    }

    StoredTable table(String runId, String name) {
        return read(connection -> {
            List<String> columns;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT column_names FROM result_tables WHERE run_id = ? AND name = ?")) {
                query.setString(1, runId);
                query.setString(2, name);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new InvalidInputException("run '" + runId + "' has no table '" + name + "'");
                    }
                    columns = List.of(Json.MAPPER.convertValue(Json.read(row.getString(1)), String[].class));
                }
            }
            List<List<JsonNode>> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT row_json FROM result_table_rows "
                    + "WHERE run_id = ? AND table_name = ? ORDER BY row_index")) {
                query.setString(1, runId);
                query.setString(2, name);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        JsonNode object = Json.read(row.getString(1));
                        rows.add(columns.stream().map(object::get).toList());
                    }
                }
            }
            return new StoredTable(name, columns, rows);
        });
    }

    InvalidInputException noSuchRun(String runId) {
        return new InvalidInputException("no run '" + runId + "' in " + database.location().label() + "; see dnnc runs list");
    }

    private RunSummary summary(Connection connection, String runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM runs WHERE id = ?")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw noSuchRun(runId);
                }
                return summary(row);
            }
        }
    }

    static RunSummary summary(ResultSet row) throws SQLException {
        return new RunSummary(row.getString(1), RunStatus.fromSql(row.getString(2)), row.getString(3), row.getLong(4),
                row.getObject(5, OffsetDateTime.class), row.getObject(6, OffsetDateTime.class), row.getString(7));
    }

    private static ObjectNode results(Connection connection, String runId) throws SQLException {
        Map<String, JsonNode> byPath = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT path, value_json FROM results WHERE run_id = ?")) {
            query.setString(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byPath.put(rows.getString(1), Json.read(rows.getString(2)));
                }
            }
        }
        return ResultPaths.assemble(byPath);
    }

    private static List<StepRecord> steps(Connection connection, String runId) throws SQLException {
        List<StepRecord> steps = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT ordinal, step_id, plugin_kind, plugin_name, "
                + "parameters, started_at, ended_at, status, error FROM steps WHERE run_id = ? ORDER BY ordinal")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    steps.add(new StepRecord(row.getInt(1), row.getString(2), row.getString(3), row.getString(4),
                            Json.read(row.getString(5)), row.getObject(6, OffsetDateTime.class),
                            row.getObject(7, OffsetDateTime.class), RunStatus.fromSql(row.getString(8)), row.getString(9)));
                }
            }
        }
        return steps;
    }

    private static Map<String, List<Integer>> arrayShapes(Connection connection, String runId) throws SQLException {
        Map<String, List<Integer>> shapes = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT name, shape FROM arrays WHERE run_id = ? ORDER BY name")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    List<Integer> shape = new ArrayList<>();
                    Json.read(row.getString(2)).forEach(extent -> shape.add(extent.intValue()));
                    shapes.put(row.getString(1), shape);
                }
            }
        }
        return shapes;
    }

    private static Map<String, Integer> tableRowCounts(Connection connection, String runId) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT name, row_count FROM result_tables WHERE run_id = ? ORDER BY name")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), row.getInt(2));
                }
            }
        }
        return counts;
    }

    private static List<ArtifactRecord> artifacts(Connection connection, String runId) throws SQLException {
        List<ArtifactRecord> artifacts = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT path, sha256, size_bytes, description, "
                + "step_ordinal FROM artifacts WHERE run_id = ? ORDER BY path")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    artifacts.add(new ArtifactRecord(row.getString(1), row.getString(2), row.getLong(3), row.getString(4),
                            row.getObject(5, Integer.class)));
                }
            }
        }
        return artifacts;
    }

    private static List<WarningRecord> warnings(Connection connection, String runId) throws SQLException {
        List<WarningRecord> warnings = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT step_ordinal, message, recorded_at FROM warnings WHERE run_id = ? ORDER BY id")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    warnings.add(new WarningRecord(row.getObject(1, Integer.class), row.getString(2),
                            row.getObject(3, OffsetDateTime.class)));
                }
            }
        }
        return warnings;
    }

    private static Map<String, String> pairs(Connection connection, String sql, String runId) throws SQLException {
        Map<String, String> pairs = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    pairs.put(row.getString(1), row.getString(2));
                }
            }
        }
        return pairs;
    }
}

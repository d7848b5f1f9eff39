package dnnc.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dnnc.api.Recorder;
import dnnc.io.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Records for one run, on behalf of one step (or of the run itself when the ordinal is null). Every call is its own
 * transaction, committed before it returns, so whatever was recorded survives the process being killed.
 */
final class StoreRecorder implements Recorder {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Database database;
    private final Dialect dialect;
    private final String runId;
    private final Integer stepOrdinal;
    private final Path outputDir;

    StoreRecorder(Database database, String runId, Integer stepOrdinal, Path outputDir) {
        this.database = database;
        this.dialect = database.dialect();
        this.runId = runId;
        this.stepOrdinal = stepOrdinal;
        this.outputDir = outputDir.toAbsolutePath().normalize();
    }

    @Override
    public void result(String path, Object value) {
        ResultPaths.check(path);
        JsonNode node = Json.recordedNode(value, "result " + path);
        String json = Json.write(node);
        Double number = Json.finiteNumber(node);
        database.transaction(connection -> {
            refuseNesting(connection, path);
            return Sql.update(connection, dialect.upsert("results", List.of("run_id", "path"), List.of("run_id", "path", "step_ordinal",
                    "value_json", "value_number", "recorded_at"), "?, ?, ?, " + dialect.json() + ", ?, ?"),
                    runId, path, stepOrdinal, json, number, OffsetDateTime.now());
        });
    }

    @Override
    public void table(String name, List<String> columns, List<List<Object>> rows) {
        requireName(name, "table");
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException("table " + name + " repeats a column name: " + columns);
        }
        ArrayNode columnNames = JsonNodeFactory.instance.arrayNode();
        columns.forEach(columnNames::add);
        List<String> rowJson = rows.stream().map(row -> rowObject(name, columns, row)).toList();
        database.transaction(connection -> {
            // Recording a table again replaces it whole, like results.json would.
            Sql.update(connection, "DELETE FROM result_table_rows WHERE run_id = ? AND table_name = ?", runId, name);
            Sql.update(connection, dialect.upsert("result_tables", List.of("run_id", "name"), List.of("run_id", "name", "step_ordinal",
                    "column_names", "row_count", "recorded_at"), "?, ?, ?, " + dialect.json() + ", ?, ?"), runId, name, stepOrdinal, Json.write(columnNames),
                    rows.size(), OffsetDateTime.now());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO result_table_rows "
                    + "(run_id, table_name, row_index, row_json) VALUES (?, ?, ?, " + dialect.json() + ")")) {
                for (int index = 0; index < rowJson.size(); index++) {
                    insert.setString(1, runId);
                    insert.setString(2, name);
                    insert.setInt(3, index);
                    insert.setString(4, rowJson.get(index));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void array(String name, int[] shape, double[] values) {
        requireName(name, "array");
        long count = 1;
        ArrayNode shapeJson = JsonNodeFactory.instance.arrayNode();
        for (int extent : shape) {
            if (extent < 0) {
                throw new IllegalArgumentException("array " + name + " has a negative extent in its shape");
            }
            count *= extent;
            shapeJson.add(extent);
        }
        if (count != values.length) {
            throw new IllegalArgumentException("array " + name + " has " + values.length + " values but its shape holds " + count);
        }
        long elementCount = count;
        ByteBuffer data = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        data.asDoubleBuffer().put(values);
        database.transaction(connection -> Sql.update(connection, dialect.upsert("arrays", List.of("run_id", "name"), List.of("run_id",
                "name", "step_ordinal", "shape", "element_count", "data", "recorded_at"), "?, ?, ?, " + dialect.json() + ", ?, ?, ?"),
                runId, name, stepOrdinal, Json.write(shapeJson), elementCount, data.array(), OffsetDateTime.now()));
    }

    @Override
    public void artifact(Path file, String description) {
        Path absolute = outputDir.resolve(file).toAbsolutePath().normalize();
        if (!absolute.startsWith(outputDir)) {
            throw new IllegalArgumentException("artifact " + file + " lies outside the run folder " + outputDir);
        }
        String relative = outputDir.relativize(absolute).toString().replace('\\', '/');
        String sha256;
        long size;
        try {
            sha256 = Sha256.hex(absolute);
            size = Files.size(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + absolute, e);
        }
        database.transaction(connection -> Sql.update(connection, dialect.upsert("artifacts", List.of("run_id", "path"), List.of("run_id",
                "path", "step_ordinal", "sha256", "size_bytes", "description", "recorded_at"), "?, ?, ?, ?, ?, ?, ?"),
                runId, relative, stepOrdinal, sha256, size, description, OffsetDateTime.now()));
    }

    @Override
    public void inputHash(String name, String sha256) {
        requireName(name, "input");
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("input " + name + ": '" + sha256 + "' is not a lower-case hex sha256");
        }
        database.transaction(connection -> Sql.update(connection, dialect.upsert("input_hashes", List.of("run_id", "name"),
                List.of("run_id", "name", "step_ordinal", "sha256", "recorded_at"), "?, ?, ?, ?, ?"), runId, name, stepOrdinal, sha256, OffsetDateTime.now()));
    }

    @Override
    public void warning(String message) {
        database.transaction(connection -> Sql.update(connection, "INSERT INTO warnings (run_id, step_ordinal, message, recorded_at) "
                + "VALUES (?, ?, ?, ?)", runId, stepOrdinal, String.valueOf(message), OffsetDateTime.now()));
    }

    /** results.json nests paths, so "a.b" cannot coexist with "a" or with "a.b.c". */
    private void refuseNesting(Connection connection, String path) throws SQLException {
        List<String> enclosing = ResultPaths.enclosing(path);
        StringBuilder sql = new StringBuilder("SELECT path FROM results WHERE run_id = ? AND (LEFT(path, ?) = ?");
        enclosing.forEach(prefix -> sql.append(" OR path = ?"));
        sql.append(") LIMIT 1");
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            String inside = path + ".";
            query.setString(1, runId);
            query.setInt(2, inside.length());
            query.setString(3, inside);
            for (int i = 0; i < enclosing.size(); i++) {
                query.setString(4 + i, enclosing.get(i));
            }
            try (ResultSet clash = query.executeQuery()) {
                if (clash.next()) {
                    throw new IllegalArgumentException("result '" + path + "' cannot be recorded beside result '"
                            + clash.getString(1) + "' of run " + runId + ": one would contain the other in results.json");
                }
            }
        }
    }

    private static String rowObject(String table, List<String> columns, List<Object> row) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("table " + table + " has " + columns.size() + " columns but a row of "
                    + row.size() + " values: " + row);
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < columns.size(); i++) {
            object.set(columns.get(i), Json.recordedNode(row.get(i), "table " + table + " column " + columns.get(i)));
        }
        return Json.write(object);
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("a recorded " + what + " needs a name of 1 to 255 characters, not '" + name + "'");
        }
    }
}

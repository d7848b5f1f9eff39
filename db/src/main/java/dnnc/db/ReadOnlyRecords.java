package dnnc.db;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a browser of the records may read, every read connected as the SELECT-only user of {@code dnnc query}: the
 * rows of a runs table, chosen results across runs, and one run in full. Nothing here can write.
 */
public final class ReadOnlyRecords {
    private final Database database;
    private final RunReader reader;

    ReadOnlyRecords(Database database) {
        this.database = database;
        this.reader = new RunReader(database, true);
    }

    /** Every run, oldest first, with its parameters. */
    public List<RunListing> runs() {
        return database.readOnly(connection -> {
            List<RunListing> runs = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + RunReader.SUMMARY_COLUMNS
                    + ", parameters FROM runs ORDER BY started_at, id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.add(new RunListing(RunReader.summary(rows), ResultPaths.flatten(Json.read(rows.getString(8)))));
                }
            }
            return runs;
        });
    }

    /** The values recorded under the given result paths: run id to path to value (runs without any are absent). */
    public Map<String, Map<String, JsonNode>> results(Collection<String> paths) {
        Map<String, Map<String, JsonNode>> byRun = new HashMap<>();
        if (paths.isEmpty()) {
            return byRun;
        }
        List<String> wanted = List.copyOf(new TreeSet<>(paths));
        String placeholders = String.join(", ", java.util.Collections.nCopies(wanted.size(), "?"));
        return database.readOnly(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT run_id, path, value_json FROM results WHERE path IN (" + placeholders + ")")) {
                for (int i = 0; i < wanted.size(); i++) {
                    query.setString(i + 1, wanted.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        byRun.computeIfAbsent(rows.getString(1), id -> new HashMap<>())
                                .put(rows.getString(2), Json.read(rows.getString(3)));
                    }
                }
            }
            return byRun;
        });
    }

    /** The result paths holding numbers in these runs, sorted: what a runs table offers as columns. */
    public List<String> numericResultPaths(List<String> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(runIds.size(), "?"));
        return database.readOnly(connection -> {
            List<String> paths = new ArrayList<>();
            // by run id first: the primary key (run_id, path) finds each run's rows without reading the others'
            try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT path FROM results WHERE run_id IN ("
                    + placeholders + ") AND value_number IS NOT NULL ORDER BY path")) {
                for (int i = 0; i < runIds.size(); i++) {
                    query.setString(i + 1, runIds.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        paths.add(rows.getString(1));
                    }
                }
            }
            return paths;
        });
    }

    /** An unknown id is an {@link dnnc.api.InvalidInputException}. */
    public RunDetails details(String runId) {
        return reader.details(runId);
    }

    /** A run's summary; an unknown id is an {@link dnnc.api.InvalidInputException}. */
    public RunSummary summary(String runId) {
        return reader.summary(runId);
    }

    /** The run's folder, where its artifacts lie. */
    public java.nio.file.Path outputDir(String runId) {
        return reader.outputDir(runId);
    }

    /** Runs key by key (run identity, parameters, results); an unknown id is an InvalidInputException. */
    public SideBySide sideBySide(List<String> runIds) {
        return new RunComparer(reader).sideBySide(runIds);
    }

    /** The workflow text as it ran, its path, parameters and seed. */
    public RerunSpec rerunSpec(String runId) {
        return reader.rerunSpec(runId);
    }

    public StoredTable table(String runId, String name) {
        return reader.table(runId, name);
    }

    public StoredArray array(String runId, String name) {
        return reader.array(runId, name);
    }
}

package dnnc.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code unit_results} table: what workers computed for a run, once per unit id. */
final class UnitResults {
    private final Database database;

    UnitResults(Database database) {
        this.database = database;
    }

    /** Records a unit's result unless the unit already has one; returns whether this call recorded it. */
    boolean put(String runId, String unitId, byte[] result, String worker) {
        return database.transaction(connection -> Sql.update(connection, "INSERT INTO unit_results (run_id, unit_id, result, worker, "
                + "recorded_at) SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM unit_results WHERE run_id = ? AND unit_id = ?)",
                runId, unitId, result, worker, OffsetDateTime.now(), runId, unitId) == 1);
    }

    Map<String, byte[]> of(String runId) {
        return database.transaction(connection -> {
            Map<String, byte[]> results = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT unit_id, result FROM unit_results WHERE run_id = ? ORDER BY unit_id")) {
                select.setString(1, runId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        results.put(rows.getString(1), rows.getBytes(2));
                    }
                }
            }
            return results;
        });
    }

    /** Gives {@code toRun} the unit results of {@code fromRun} it lacks; returns how many. */
    int copy(String fromRun, String toRun) {
        return database.transaction(connection -> Sql.update(connection, "INSERT INTO unit_results (run_id, unit_id, result, worker, "
                + "recorded_at) SELECT ?, unit_id, result, worker, recorded_at FROM unit_results f WHERE f.run_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM unit_results t WHERE t.run_id = ? AND t.unit_id = f.unit_id)", toRun, fromRun, toRun));
    }
}

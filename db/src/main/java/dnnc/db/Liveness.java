package dnnc.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds runs still marked 'running' whose owner process is gone (killed, crashed, machine rebooted) and marks
 * them 'interrupted'. Their end time stays empty: nobody saw them end.
 */
final class Liveness {
    private final Database database;

    Liveness(Database database) {
        this.database = database;
    }

    /** Returns the ids of the runs it marked. */
    List<String> markAbandonedRuns() {
        return database.transaction(connection -> {
            List<String> abandoned = new ArrayList<>();
            List<OwnerProcess> owners = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, pid, process_started_at, host FROM runs WHERE status = 'running' ORDER BY started_at, id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime processStart = rows.getObject(3, OffsetDateTime.class);
                    OwnerProcess owner = new OwnerProcess(rows.getLong(2),
                            processStart == null ? null : processStart.toInstant(), rows.getString(4));
                    if (owner.isGone()) {
                        abandoned.add(rows.getString(1));
                        owners.add(owner);
                    }
                }
            }
            OffsetDateTime now = OffsetDateTime.now();
            for (int i = 0; i < abandoned.size(); i++) {
                OwnerProcess owner = owners.get(i);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE runs SET status = 'interrupted', error = ? WHERE id = ? AND status = 'running'")) {
                    update.setString(1, "process " + owner.pid() + " on " + owner.host()
                            + " ended without finishing the run (noticed " + now.withNano(0) + ")");
                    update.setString(2, abandoned.get(i));
                    update.executeUpdate();
                }
                RunWriter.closeOpenSteps(connection, abandoned.get(i), RunStatus.INTERRUPTED, null);
            }
            return abandoned;
        });
    }
}

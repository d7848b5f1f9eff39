package dnnc.db;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code dnnc runs recover} did.
 *
 * @param store        the store file
 * @param damagedCopy  where the damaged file was kept, or null when the store was sound and left alone
 * @param damage       what H2 reported reading the damaged file, or null
 * @param runsOnRecord the most runs the store was seen to hold (its watermark; 0 when unknown)
 * @param rowsPerTable rows of each table in the rebuilt store (RUNS among them); empty when nothing was rebuilt
 */
public record StoreRecoveryReport(Path store, Path damagedCopy, String damage, long runsOnRecord,
                                  Map<String, Long> rowsPerTable) {
    public StoreRecoveryReport {
        rowsPerTable = Map.copyOf(rowsPerTable);
    }

    public boolean rebuilt() {
        return damagedCopy != null;
    }

    public long runsRecovered() {
        return rowsPerTable.getOrDefault("RUNS", 0L);
    }
}

package dnnc.runner.reliability;

import dnnc.db.QueryResult;
import dnnc.db.RecordStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** What a record store holds, as one digest: every table's rows (timestamps included) read through the store. */
final class StoreDigest {
    private static final List<String> QUERIES = List.of(
            "SELECT id, status, error, workflow_sha256, parameters, seed, started_at, ended_at, output_dir FROM runs ORDER BY id",
            "SELECT run_id, ordinal, step_id, status, error, parameters FROM steps ORDER BY run_id, ordinal",
            "SELECT run_id, path, value_json FROM results ORDER BY run_id, path",
            "SELECT run_id, path, sha256 FROM artifacts ORDER BY run_id, path",
            "SELECT run_id, name, value_text FROM provenance ORDER BY run_id, name",
            "SELECT run_id, name, sha256 FROM input_hashes ORDER BY run_id, name",
            "SELECT run_id, name, element_count FROM arrays ORDER BY run_id, name",
            "SELECT run_id, name, row_count FROM result_tables ORDER BY run_id, name",
            "SELECT run_id, message FROM warnings ORDER BY id");

    private StoreDigest() {
    }

    /** The digest of the store in {@code runs}, or "no store" when there is none (opening would create one). */
    static String of(Path runs) {
        if (!Files.exists(runs.resolve("records.mv.db"))) {
            return "no store";
        }
        StringBuilder text = new StringBuilder();
        try (RecordStore store = RecordStore.open(runs)) {
            for (String sql : QUERIES) {
                QueryResult result = store.query(sql);
                text.append(sql).append('\n');
                result.rows().forEach(row -> text.append(String.join("\u001f", row)).append('\n'));
            }
        }
        return sha256(text.toString());
    }

    static int runCount(Path runs) {
        try (RecordStore store = RecordStore.open(runs)) {
            return Integer.parseInt(store.query("SELECT COUNT(*) FROM runs").rows().get(0).get(0));
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

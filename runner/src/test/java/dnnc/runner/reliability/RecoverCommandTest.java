package dnnc.runner.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `dnnc runs recover` as a user meets it: a real run's records, a store that dnnc refuses as damaged, one command
 * that rebuilds it, and the run shown exactly as before.
 */
class RecoverCommandTest {
    @TempDir
    Path work;

    @Test
    void aDamagedStoreIsRebuiltAndARealRunReadsAsBefore() throws Exception {
        Path runs = work.resolve("runs");
        String runId = Cli.dnnc("run", Cli.resource("params.yaml").toString(), "--runs", runs.toString(),
                "--cache", work.resolve("cache").toString()).assertSucceeded().runId();
        String shownBefore = Cli.dnnc("runs", "show", runId, "--runs", runs.toString()).assertSucceeded().out();
        Cli.dnnc("runs", "recover", "--runs", runs.toString()).assertSucceeded();

        // the watermark remembers more runs than the file shows, as when H2 opens a damaged file in an older state
        Files.writeString(runs.resolve("records.watermark"), "4\n", StandardCharsets.US_ASCII);
        Cli.dnnc("runs", "list", "--runs", runs.toString()).assertRefused("is damaged", "dnnc runs recover --runs");

        Cli recovered = Cli.dnnc("runs", "recover", "--runs", runs.toString()).assertSucceeded();
        assertTrue(recovered.out().contains("rebuilt from what H2's recovery could read: 1 runs of the 4 it was seen to hold"),
                recovered.out());
        assertTrue(recovered.out().contains("the damaged file is kept as " + runs.toAbsolutePath().normalize().resolve("records.damaged-")),
                recovered.out());
        assertEquals(shownBefore, Cli.dnnc("runs", "show", runId, "--runs", runs.toString()).assertSucceeded().out());
        assertTrue(Cli.dnnc("runs", "recover", "--runs", runs.toString()).assertSucceeded().out().contains("is sound"));
    }

    @Test
    void recoverRefusesAPostgresStoreAndAFolderWithoutAStore() {
        Cli.dnnc("runs", "recover", "--runs", work.resolve("runs").toString(), "--store", "jdbc:postgresql://127.0.0.1/none")
                .assertRefused("--store", "pg_dump");
        Cli.dnnc("runs", "recover", "--runs", work.resolve("empty").toString()).assertRefused("no record store to recover");
    }
}

package dnnc.runner.reliability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `dnnc query` is read-only in fact: through the command line, writes, DDL, stacked statements, Java aliases,
 * scripts and H2's file functions are refused by the database, and neither the store nor the disk changes.
 */
class ReadOnlyQueryCliTest {
    @TempDir
    static Path work;
    static Path runs;
    static Path outside;
    static String before;

    @BeforeAll
    static void oneRecordedRun() throws IOException {
        runs = work.resolve("runs");
        outside = Files.createDirectories(work.resolve("outside"));
        Cli.dnnc("run", Cli.resource("load.yaml").toString(), "--runs", runs.toString()).assertSucceeded();
        Files.writeString(outside.resolve("script.sql"), "DROP TABLE runs;\n");
        Files.writeString(outside.resolve("secret.txt"), "top secret\n");
        before = StoreDigest.of(runs);
    }

    private static List<String> attacks() {
        String dir = outside.toString();
        return List.of(
                "INSERT INTO warnings (run_id, message, recorded_at) SELECT id, 'x', started_at FROM runs",
                "UPDATE runs SET status = 'failed'",
                "DELETE FROM results",
                "MERGE INTO provenance (run_id, name, value_text) KEY (run_id, name) SELECT id, 'x', 'y' FROM runs",
                "TRUNCATE TABLE steps",
                "DROP TABLE runs",
                "CREATE TABLE loot (a INT)",
                "ALTER TABLE runs ADD COLUMN loot INT",
                "CREATE INDEX loot ON runs (seed)",
                "CREATE VIEW loot AS SELECT * FROM runs",
                "SELECT 1; DELETE FROM runs",
                "SELECT id FROM runs; DROP TABLE results",
                "CREATE ALIAS SHELL AS 'String shell(String c) throws Exception { new java.io.File(\"" + dir + "/pwned\").createNewFile(); return c; }'",
                "CALL SHELL('x')",
                "RUNSCRIPT FROM '" + dir + "/script.sql'",
                "SCRIPT TO '" + dir + "/dump.sql'",
                "BACKUP TO '" + dir + "/backup.zip'",
                "SELECT FILE_READ('" + dir + "/secret.txt')",
                "SELECT FILE_WRITE('pwned', '" + dir + "/pwned')",
                "SELECT * FROM CSVREAD('" + dir + "/secret.txt')",
                "CALL CSVWRITE('" + dir + "/pwned.csv', 'SELECT * FROM runs')",
                "CALL LINK_SCHEMA('LOOT', '', 'jdbc:h2:mem:loot', 'sa', '', 'PUBLIC')",
                "CREATE LINKED TABLE loot ('', 'jdbc:h2:" + dir + "/other', 'sa', '', 'T')",
                "CREATE USER intruder PASSWORD 'x' ADMIN",
                "GRANT ALL ON runs TO PUBLIC",
                "ALTER USER DNNC_READER ADMIN TRUE",
                "SET WRITE_DELAY 100000",
                "SHUTDOWN");
    }

    @TestFactory
    Stream<DynamicTest> everyWriteOrFileAccessIsRefused() {
        return attacks().stream().map(sql -> DynamicTest.dynamicTest(sql, () -> {
            Cli cli = Cli.dnnc("query", sql, "--runs", runs.toString());
            cli.assertRefused("query refused");
            assertEquals(before, StoreDigest.of(runs), "store unchanged");
            try (Stream<Path> files = Files.list(outside)) {
                assertEquals(List.of("script.sql", "secret.txt"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                        "nothing written beside the store");
            }
            assertFalse(cli.out().contains("top secret"), "no file read");
        }));
    }

    @Test
    void selectsStillWork() {
        Cli cli = Cli.dnnc("query", "SELECT COUNT(*) AS n, MIN(status) AS s FROM runs", "--csv", "--runs", runs.toString()).assertSucceeded();
        assertEquals(List.of("N,S", "1,succeeded"), cli.out().strip().lines().toList());
        Cli joined = Cli.dnnc("query", "SELECT r.id, s.path FROM runs r JOIN results s ON s.run_id = r.id WHERE s.path = 'data.train'",
                "--runs", runs.toString()).assertSucceeded();
        assertTrue(joined.out().contains("data.train") && joined.out().contains("(1 row)"), joined.out());
        Cli commented = Cli.dnnc("query", "-- the runs, as the README's examples open\nSELECT COUNT(*) AS n FROM runs;", "--csv",
                "--runs", runs.toString()).assertSucceeded();
        assertEquals(List.of("N", "1"), commented.out().strip().lines().toList());
    }
}

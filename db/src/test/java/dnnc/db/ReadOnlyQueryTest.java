package dnnc.db;

import dnnc.api.InvalidInputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One store for all cases: opening a store per case would make this the slowest test of the build. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadOnlyQueryTest {
    @TempDir
    static Path runs;
    private RecordStore store;
    private Connection owner;
    private String runId;

    @BeforeAll
    void recordOneRun() throws Exception {
        store = RecordStore.open(runs);
        RunHandle run = store.startRun(Fixtures.newRun("w.yaml", 1));
        run.recorder().result("model.test_bce", 80.5);
        run.finish(RunStatus.SUCCEEDED, null);
        runId = run.id();
        owner = DriverManager.getConnection(StoreLocation.of(runs).ownerJdbcUrl(), Database.OWNER_USER,
                Database.OWNER_PASSWORD);
    }

    @AfterAll
    void close() throws Exception {
        owner.close();
        store.close();
    }

    @Test
    void selectsWork() {
        {
            QueryResult result = store.query("SELECT id, status, seed FROM runs");
            assertEquals(List.of("ID", "STATUS", "SEED"), result.columns());
            assertEquals(List.of(List.of(runId, "succeeded", "1")), result.rows());
            assertEquals(List.of(List.of("{\"digits\":10}")), store.query("SELECT (parameters).\"data\" FROM runs").rows());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1; DROP TABLE runs",
            "SELECT 1; DELETE FROM results",
            "DROP TABLE runs",
            "DELETE FROM results",
            "UPDATE runs SET status = 'failed'",
            "INSERT INTO warnings (run_id, message, recorded_at) SELECT id, 'x', started_at FROM runs",
            "MERGE INTO provenance KEY (run_id, name) SELECT id, 'jdk', '8' FROM runs",
            "TRUNCATE TABLE steps",
            "ALTER TABLE runs ADD COLUMN extra INT",
            "CREATE TABLE extra (a INT)",
            "CREATE SCHEMA extra",
            "CREATE ALIAS EXEC AS 'String exec(String c) throws Exception { return c; }'",
            "CALL EXEC('id')",
            "RUNSCRIPT FROM 'script.sql'",
            "SCRIPT TO 'dump.sql'",
            "BACKUP TO 'backup.zip'",
            "SELECT FILE_READ('/etc/hostname')",
            "SELECT FILE_WRITE('x', 'written.txt')",
            "SELECT * FROM CSVREAD('/etc/hostname')",
            "CALL CSVWRITE('written.csv', 'SELECT * FROM runs')",
            "CALL LINK_SCHEMA('LINKED', '', 'jdbc:h2:mem:other', 'sa', '', 'PUBLIC')",
            "SELECT * FROM LINK_SCHEMA('LINKED', '', 'jdbc:h2:mem:other', 'sa', '', 'PUBLIC')",
            "CREATE LINKED TABLE linked ('', 'jdbc:h2:mem:other', 'sa', '', 'T')",
            "GRANT INSERT ON runs TO DNNC_READER",
            "ALTER USER DNNC_READER ADMIN TRUE",
            "CREATE USER intruder PASSWORD 'x' ADMIN",
            "SET EXCLUSIVE 1",
            "SHUTDOWN",
            "SELECT * FROM flyway_schema_history",
    })
    void everythingButReadingIsRefusedAndTheStoreIsUnchanged(String sql) throws Exception {
        String before = dump();
        {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> store.query(sql));
            assertTrue(refused.getMessage().startsWith("query refused: "), refused.getMessage());
        }
        assertEquals(before, dump(), "the store changed under: " + sql);
        for (String written : List.of("written.txt", "written.csv", "dump.sql", "backup.zip")) {
            assertFalse(Files.exists(runs.resolve(written)) || Files.exists(Path.of(written)), written + " was written");
        }
    }

    @Test
    void aStatementThatReturnsNoRowsIsExplained() {
        {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> store.query("SET QUERY_TIMEOUT 1000"));
            assertEquals("query returned no rows to show; dnnc query runs SELECT statements", e.getMessage());
        }
    }

    /** Everything in the database, as the owner sees it: schema, users, rights, aliases and rows. */
    private String dump() throws Exception {
        StringBuilder text = new StringBuilder();
        try (Statement statement = owner.createStatement();
             ResultSet script = statement.executeQuery("SCRIPT")) {
            while (script.next()) {
                text.append(script.getString(1)).append('\n');
            }
        }
        assertTrue(text.toString().contains("model.test_bce"), "the dump shows the data");
        return text.toString();
    }

    @Test
    void theReaderHoldsOnlySelectOnTheTenRecordTables() throws Exception {
        List<String> rights = new java.util.ArrayList<>();
        try (Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery("SELECT RIGHTS, TABLE_NAME FROM INFORMATION_SCHEMA.RIGHTS "
                     + "WHERE GRANTEE = 'DNNC_READER' ORDER BY TABLE_NAME")) {
            while (rows.next()) {
                rights.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        assertEquals(List.of("SELECT ARRAYS", "SELECT ARTIFACTS", "SELECT INPUT_HASHES", "SELECT PROVENANCE",
                "SELECT RESULTS", "SELECT RESULT_TABLES", "SELECT RESULT_TABLE_ROWS", "SELECT RUNS", "SELECT STEPS",
                "SELECT WARNINGS"), rights);
        try (Statement statement = owner.createStatement();
             ResultSet admin = statement.executeQuery("SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = 'DNNC_READER'")) {
            assertTrue(admin.next());
            assertFalse(admin.getBoolean(1));
        }
    }

    /** The README's example queries run as written. */
    @Test
    void theDocumentedExampleQueriesRun() throws Exception {
        String schema = Files.readString(Path.of("../README.md"));
        String sqlBlock = schema.substring(schema.indexOf("```sql") + 6, schema.indexOf("```", schema.indexOf("```sql") + 6));
        List<String> queries = java.util.Arrays.stream(sqlBlock.split(";"))
                .map(query -> query.lines().filter(line -> !line.startsWith("--")).collect(java.util.stream.Collectors.joining("\n")).strip())
                .filter(query -> !query.isEmpty()).toList();
        assertEquals(9, queries.size(), queries.toString());
        for (String query : queries) {
            store.query(query);
        }
        assertEquals(List.of(List.of(runId, "1", "80.5")), store.query(queries.get(1)).rows());
    }
}

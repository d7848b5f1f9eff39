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
import java.time.Duration;
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
            "SELECT * FROM OLD TABLE (UPDATE runs SET status = 'failed')",
            "SELECT * FROM FINAL TABLE (INSERT INTO warnings (run_id, message, recorded_at) SELECT id, 'x', started_at FROM runs)",
            "SELECT * FROM NEW TABLE (MERGE INTO provenance KEY (run_id, name) SELECT id, 'jdk', '8' FROM runs)",
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

    /** Each query form H2 offers, parsed by H2 as a query and run. */
    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT COUNT(*) FROM runs",
            "select count(*) from runs;",
            "  -- the number of runs\nSELECT COUNT(*) FROM runs /* ; a comment */ ;  ",
            "WITH r AS (SELECT id FROM runs) SELECT COUNT(*) FROM r",
            "VALUES (1)",
            "TABLE runs",
            "EXPLAIN SELECT * FROM runs",
            "SHOW TABLES",
            "SELECT 'a;b' AS \"x;y\" FROM runs",
    })
    void everyQueryFormRuns(String sql) {
        assertFalse(store.query(sql).columns().isEmpty());
    }

    /**
     * What rights cannot stop: every H2 user may set its own password and its session, call built-ins, end
     * transactions; and a second statement may hide behind a comment or a string. Each is refused before it runs,
     * and the reader works as before.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "SET PASSWORD 'x'",
            "ALTER USER DNNC_READER SET PASSWORD 'x'",
            "SET SALT '00' HASH '00'",
            "SET QUERY_TIMEOUT 1",
            "SET LOCK_TIMEOUT 1",
            "SET SCHEMA INFORMATION_SCHEMA",
            "SET @x = 1",
            "SET AUTOCOMMIT FALSE",
            "SET MODE MySQL",
            "CALL DATABASE_PATH()",
            "CALL 1",
            "CALL RAND()",
            "HELP SELECT",
            "EXPLAIN ANALYZE SELECT * FROM runs",
            "COMMIT",
            "ROLLBACK",
            "BEGIN",
            "SAVEPOINT s",
            "CHECKPOINT",
            "SELECT 1; SET PASSWORD 'x'",
            "SELECT 1;SET PASSWORD 'x';",
            "SELECT 1 /* a comment */; SET PASSWORD 'x'",
            "SELECT 1 -- a comment\n; SET PASSWORD 'x'",
            "SELECT '--' AS a; SET PASSWORD 'x'",
            "SELECT '/*' AS a; SET PASSWORD 'x' -- */",
            "SELECT 1 AS \"'\"; SET PASSWORD 'x' -- '",
            "SELECT $$ ; $$; SET PASSWORD 'x'",
            "SELECT 1 /* /* nested */ ; */; SET PASSWORD 'x'",
            "SELECT 1 // a comment\n; SET PASSWORD 'x'",
            "",
            " ; ; ",
            "-- nothing but a comment",
    })
    void whatRightsCannotStopIsRefusedBeforeItRuns(String sql) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> store.query(sql));
        assertTrue(refused.getMessage().startsWith("query refused: ") && refused.getMessage().contains(QueryStatement.ACCEPTED),
                refused.getMessage());
        assertReaderLogsInUnhealed();
    }

    /** The reader's own login, bypassing the store (whose query would heal a changed password). */
    private static void assertReaderLogsInUnhealed() {
        try (Connection reader = DriverManager.getConnection(StoreLocation.of(runs).readerJdbcUrl(), Database.READER_USER,
                "dnnc-reader");
             Statement statement = reader.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM runs")) {
            assertTrue(count.next() && count.getInt(1) == 1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError("the reader cannot log in as before: " + e.getMessage(), e);
        }
    }

    /**
     * The boundaries dnnc sees are H2's: wherever its script reader finds one statement, H2's parser does too (a
     * parser that saw more would run them after the query). The texts are built to make the two disagree; where
     * both see one statement it may run.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1 /* /* */ ; SET PASSWORD 'x' */",
            "SELECT 1 AS a$$; SET PASSWORD 'x'; --$$",
            "SELECT $$a$$; SET PASSWORD 'x'",
            "SELECT U&'\\0027'; SET PASSWORD 'x'",
            "SELECT X'3B'; SET PASSWORD 'x'",
            "SELECT 'it''s'; SET PASSWORD 'x'",
            "SELECT \"a\"\"b\" FROM (SELECT 1 AS \"a\"\"b\"); SET PASSWORD 'x'",
            "SELECT 1 --\r; SET PASSWORD 'x'",
            "SELECT 1 /*/ ; SET PASSWORD 'x' */",
            "SELECT 1 -/* */- 1; SET PASSWORD 'x'",
    })
    void theStatementBoundariesAreTheParsers(String sql) throws Exception {
        boolean parserSeesSeveral = ((org.h2.jdbc.JdbcConnection) owner).getSession().prepareCommand(sql, Integer.MAX_VALUE)
                .getClass().getSimpleName().equals("CommandList");
        if (parserSeesSeveral) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> store.query(sql));
            assertTrue(refused.getMessage().contains("statements given"), sql + ": " + refused.getMessage());
        } else {
            assertEquals(1, store.query(sql).rows().size(), sql);
        }
        assertReaderLogsInUnhealed();
    }

    @Test
    void aRefusedStatementSaysWhatIsAccepted() {
        assertEquals("query refused: 'SET PASSWORD' is not a query; dnnc query runs one query: SELECT, WITH ... SELECT, "
                        + "VALUES, TABLE or EXPLAIN",
                assertThrows(InvalidInputException.class, () -> store.query("SET PASSWORD 'x'")).getMessage());
        assertEquals("query refused: 2 statements given (separated by ';'); dnnc query runs exactly one query: SELECT, "
                        + "WITH ... SELECT, VALUES, TABLE or EXPLAIN",
                assertThrows(InvalidInputException.class, () -> store.query("SELECT 1; SELECT 2")).getMessage());
    }

    /** A query that locks rows (FOR UPDATE) ends with its connection: the owner writes them straight after. */
    @Test
    void aLockingQueryLeavesNoLockBehind() throws Exception {
        assertEquals(List.of(List.of(runId)), store.query("SELECT id FROM runs FOR UPDATE").rows());
        try (Statement statement = owner.createStatement()) {
            assertEquals(1, statement.executeUpdate("UPDATE runs SET seed = seed"));
        }
    }

    /** H2 parses and binds expressions recursively: a deep enough one exhausts the stack before anything runs. */
    @ParameterizedTest
    @ValueSource(strings = {"(", "1 + "})
    void aQueryNestedTooDeeplyIsRefused(String nesting) {
        String sql = nesting.equals("(") ? "SELECT " + "(".repeat(20_000) + "1" + ")".repeat(20_000)
                : "SELECT " + nesting.repeat(100_000) + "seed FROM runs";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> store.query(sql));
        assertTrue(e.getMessage().startsWith("query refused: nested too deeply"), e.getMessage());
        assertReaderLogsInUnhealed();
    }

    @Test
    void parametersAreBoundInOrder() {
        assertEquals(List.of(List.of(runId)), store.query("SELECT id FROM runs WHERE seed = ? AND status = ?",
                List.of(1, "succeeded"), Duration.ofSeconds(60)).rows());
        assertEquals(List.of(), store.query("SELECT id FROM runs WHERE seed = ?", List.of(2), Duration.ofSeconds(60)).rows());
    }

    @Test
    void aQueryPastItsTimeLimitIsCancelled() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> store.query(
                "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 1000000) a, SYSTEM_RANGE(1, 1000000) b WHERE a.X + b.X = 7",
                List.of(), Duration.ofMillis(200)));
        assertEquals("query cancelled: it ran longer than its time limit of 0.2 s; narrow it (WHERE, LIMIT) or allow more time",
                e.getMessage());
        assertEquals(List.of(List.of("1")), store.query("SELECT COUNT(*) FROM runs").rows(), "the reader still works");
    }

    /** A reader whose password was changed (by an older dnnc that ran SET PASSWORD for it) logs in again. */
    @Test
    void aTamperedReaderIsHealed() throws Exception {
        try (Statement statement = owner.createStatement()) {
            statement.execute("ALTER USER DNNC_READER SET PASSWORD 'tampered'");
        }
        assertEquals(List.of(List.of("1")), store.query("SELECT COUNT(*) FROM runs").rows());
        try (Statement statement = owner.createStatement()) {
            statement.execute("ALTER USER DNNC_READER SET PASSWORD 'tampered'");
        }
        try (RecordStore reopened = RecordStore.open(runs);
             Connection reader = DriverManager.getConnection(StoreLocation.of(runs).readerJdbcUrl(), Database.READER_USER,
                     "dnnc-reader")) {
            assertTrue(reader.isValid(1), "opening the store reset the reader's password");
        }
    }

    /** Nothing the reader can read holds its password: not the tables it may read, not H2's own views or its trace. */
    @Test
    void theReadersPasswordIsInNothingItCanRead() throws Exception {
        StringBuilder readable = new StringBuilder();
        for (List<String> table : store.query("SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES").rows()) {
            String name = "\"" + table.get(0) + "\".\"" + table.get(1) + "\"";
            try {
                store.query("SELECT * FROM " + name).rows().forEach(row -> readable.append(row).append('\n'));
            } catch (InvalidInputException notAllowed) {
                readable.append(name).append(": ").append(notAllowed.getMessage()).append('\n');
            }
        }
        assertTrue(readable.toString().contains("model.test_bce"), "the reader reads the records");
        try (java.util.stream.Stream<Path> files = Files.list(runs)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".trace.db")).toList()) {
                readable.append(Files.readString(file));
            }
        }
        assertFalse(readable.toString().contains("dnnc-reader"), "the password shows in what the reader can read");
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

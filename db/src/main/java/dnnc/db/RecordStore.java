package dnnc.db;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dnnc.api.InvalidInputException;
import dnnc.api.Recorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The record store of a runs folder: one H2 file, {@code <runsDir>/records.mv.db}, shared by every dnnc process
 * that uses the folder (AUTO_SERVER), or a PostgreSQL database shared by processes on several machines. Opening it
 * applies the schema migrations and marks runs whose process is gone as interrupted. A store that is not usable
 * is reported, never replaced or repaired.
 */
public final class RecordStore implements AutoCloseable {
    private final Database database;
    private final RunWriter writer;
    private final RunReader reader;
    private final Liveness liveness;
    private final UnitResults units;

    private RecordStore(Database database) {
        this.database = database;
        this.writer = new RunWriter(database);
        this.reader = new RunReader(database, false);
        this.liveness = new Liveness(database);
        this.units = new UnitResults(database);
    }

    /**
     * Opens the store at {@code storeUrl} (a {@code jdbc:postgresql:} URL), or the H2 store of the runs folder when
     * it is null; run folders lie in {@code runsDir} either way.
     */
    public static RecordStore open(Path runsDir, String storeUrl) {
        if (storeUrl == null) {
            return open(runsDir);
        }
        PostgresLocation location = PostgresLocation.of(runsDir, storeUrl);
        createRunsFolder(location.runsDir());
        Database database = Database.connect(location);
        try {
            location.createReaderRole(database);
            Migrations.apply(database);
            location.loadReaderPassword(database);
            database.ensureReaderLogsIn();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return opened(database);
    }

    /** Opens (creating when absent) the H2 store of a runs folder. */
    public static RecordStore open(Path runsDir) {
        StoreLocation location = StoreLocation.of(runsDir);
        location.prepare();
        Database database = OpeningLock.holding(location, () -> {
            if (!Files.exists(location.databaseFile())) {
                FreshStore.create(location, Migrations::apply);
            }
            RunWatermark watermark = new RunWatermark(location);
            watermark.forgetIfStoreIsGone();
            Database connected = Database.connect(location);
            try {
                watermark.check(connected);
                if (Migrations.pending(connected)) {
                    connected.close();
                    FreshStore.upgrade(location, Migrations::apply);
                    connected = Database.connect(location);
                }
                Migrations.apply(connected);
                connected.ensureReaderLogsIn();
                return connected;
            } catch (RuntimeException e) {
                connected.close();
                throw e;
            }
        });
        return opened(database);
    }

    /**
     * Checks the H2 store of a runs folder by reading every row; when that fails, rebuilds it from what H2's recovery
     * tool can still read and keeps the damaged file beside it. No other process may have the store open meanwhile.
     */
    public static StoreRecoveryReport recover(Path runsDir) {
        return StoreRecovery.recover(runsDir);
    }

    private static RecordStore opened(Database database) {
        try {
            RecordStore store = new RecordStore(database);
            store.markAbandonedRunsInterrupted();
            return store;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    static void createRunsFolder(Path runsDir) {
        try {
            Files.createDirectories(runsDir);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create runs folder '" + runsDir + "': " + e.getMessage()
                    + "; choose another --runs folder", e);
        }
    }

    public Path runsDir() {
        return database.location().runsDir();
    }

    /** The H2 file of the records; a PostgreSQL store has none. */
    public Path databaseFile() {
        if (database.location() instanceof StoreLocation file) {
            return file.databaseFile();
        }
        throw new IllegalStateException("the record store " + database.location().label() + " is not a file");
    }

    /** The store as messages name it: the H2 file, or the PostgreSQL URL without its password. */
    public String label() {
        return database.location().label();
    }

    // ---- writing (the runner) ----

    public RunHandle startRun(NewRun run) {
        RunHandle handle = writer.start(this, run);
        if (database.location() instanceof StoreLocation file) {
            new RunWatermark(file).update(database);
        }
        return handle;
    }

    /** Ends a run (status succeeded, failed or interrupted); its steps still running end with it. */
    public void finishRun(String runId, RunStatus status, String error) {
        writer.finish(runId, status, error);
    }

    public StepHandle startStep(String runId, String stepId, String pluginKind, String pluginName,
                                Map<String, ?> parameters) {
        return new StepHandle(this, runId, writer.startStep(runId, stepId, pluginKind, pluginName, parameters));
    }

    public void finishStep(String runId, int ordinal, RunStatus status, String error) {
        writer.finishStep(runId, ordinal, status, error);
    }

    /** A recorder for the run, tagging rows with the step ordinal (null: the run itself). */
    public Recorder recorder(String runId, Integer stepOrdinal) {
        return new StoreRecorder(database, runId, stepOrdinal, reader.outputDir(runId));
    }

    /**
     * Records what a worker computed for one unit of a run (bytes as the worker sent them), unless the unit already
     * has a result: a unit computed twice counts once. Returns whether this call recorded it.
     */
    public boolean putUnitResult(String runId, String unitId, byte[] result, String worker) {
        return units.put(runId, unitId, result, worker);
    }

    /** The unit results of a run by unit id. */
    public Map<String, byte[]> unitResults(String runId) {
        return units.of(runId);
    }

    /** Starts {@code toRun} from the unit results {@code fromRun} collected (a resumed run); returns how many. */
    public int copyUnitResults(String fromRun, String toRun) {
        return units.copy(fromRun, toRun);
    }

    /** Marks 'interrupted' the running runs whose owner process is gone; returns their ids. */
    public List<String> markAbandonedRunsInterrupted() {
        return liveness.markAbandonedRuns();
    }

    // ---- reading (the CLI, reports) ----

    public List<RunSummary> listRuns(RunFilter filter) {
        markAbandonedRunsInterrupted();
        return reader.list(filter);
    }

    /** An unknown id is an {@link dnnc.api.InvalidInputException} pointing at {@code dnnc runs list}. */
    public RunDetails showRun(String runId) {
        markAbandonedRunsInterrupted();
        return reader.details(runId);
    }

    public RunSummary summary(String runId) {
        return reader.summary(runId);
    }

    public RunComparison compare(String runA, String runB) {
        markAbandonedRunsInterrupted();
        return new RunComparer(reader).compare(runA, runB);
    }

    /** Workflow text, path, parameters and seed of a recorded run. */
    public RerunSpec rerunSpec(String runId) {
        return reader.rerunSpec(runId);
    }

    /** All results of a run nested by their dotted paths: "model.kl" becomes {"model": {"kl": ...}}. */
    public ObjectNode results(String runId) {
        return reader.results(runId);
    }

    /** {@link #results} as the indented text of results.json. */
    public String resultsJson(String runId) {
        return Json.writePretty(results(runId));
    }

    public StoredArray array(String runId, String name) {
        return reader.array(runId, name);
    }

    public StoredTable table(String runId, String name) {
        return reader.table(runId, name);
    }

    /** Reads for browsing the records, every one as the SELECT-only user of {@link #query}. */
    public ReadOnlyRecords readOnly() {
        return new ReadOnlyRecords(database);
    }

    /** How long {@link #query(String)} lets a query run. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The one way to read the records with SQL a user wrote: runs exactly one query statement (SELECT, WITH ...
     * SELECT, VALUES, TABLE or EXPLAIN, as H2's parser classifies it) as a user that may only SELECT from the
     * record tables, binding {@code parameters} to its {@code ?} in order, and cancels it past {@code timeout}.
     * Anything else, a statement that fails, and a cancelled one are an {@link dnnc.api.InvalidInputException}
     * with a one-line message; nothing a query does changes what a later one can do. Safe from several threads.
     */
    public QueryResult query(String sql, List<?> parameters, Duration timeout) {
        return new ReadOnlyQuery(database).run(sql, parameters, timeout);
    }

    /** {@link #query(String, List, Duration)} without parameters, with {@link #DEFAULT_QUERY_TIMEOUT}. */
    public QueryResult query(String sql) {
        return query(sql, List.of(), DEFAULT_QUERY_TIMEOUT);
    }

    @Override
    public void close() {
        database.close();
    }
}

package dnnc.runner.run;

import dnnc.api.InvalidInputException;
import dnnc.api.Preflight;
import dnnc.api.RunInfo;
import dnnc.db.NewRun;
import dnnc.db.RecordStore;
import dnnc.db.RecordStoreException;
import dnnc.db.RunHandle;
import dnnc.db.RunStatus;
import dnnc.io.AtomicFile;
import dnnc.runner.Main;
import dnnc.runner.PluginCatalog;
import dnnc.runner.workflow.PluginSteps;
import dnnc.runner.workflow.StepExecutor;
import dnnc.runner.workflow.WorkflowEngine;
import dnnc.runner.workflow.WorkflowFile;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a workflow on record: validates it completely before anything is recorded, then opens the run in the
 * store, executes the routes, and closes the run as succeeded, failed or interrupted (a signal), with
 * results.json written beside the run's files.
 */
public final class RunLauncher {
    /** The provenance entry of a resumed run naming the run it continues. */
    public static final String RESUMED_FROM = "resumed_from";
    private final PluginCatalog catalog;
    private final Path runsDir;
    private final Path cacheDir;
    private final PrintStream out;
    private final PrintStream console;
    private Redaction redaction = Redaction.NONE;
    private UnitPlacement.Factory placement;
    private String resumedRun;
    private String storeUrl;

    public RunLauncher(PluginCatalog catalog, Path runsDir, Path cacheDir, PrintStream out, PrintStream console) {
        this.catalog = catalog;
        this.runsDir = runsDir;
        this.cacheDir = cacheDir;
        this.out = out;
        this.console = console;
    }

    /**
     * Records the run with home, runs and cache folders and secret environment values replaced by placeholders
     * (see {@link Redaction}), for results and reports meant to be shared.
     */
    public RunLauncher redacting() {
        this.redaction = Redaction.ofThisProcess(runsDir, cacheDir);
        return this;
    }

    /** Records the run in the PostgreSQL database at {@code storeUrl}; null keeps the H2 file of the runs folder. */
    public RunLauncher storingIn(String storeUrl) {
        this.storeUrl = storeUrl;
        return this;
    }

    /** Computes the run's units where {@code placement} puts them (the workers of a broker) instead of in this thread. */
    public RunLauncher placingUnits(UnitPlacement.Factory placement) {
        this.placement = placement;
        return this;
    }

    /**
     * Continues an interrupted run: the new run starts from the unit results {@code earlierRun} collected (with
     * {@link #placingUnits}) and names it in its provenance as {@code resumed_from}.
     */
    public RunLauncher resuming(String earlierRun) {
        this.resumedRun = earlierRun;
        return this;
    }

    /** The outcome of a run: its id, folder and final status. */
    public record Outcome(String runId, Path outputDir, RunStatus status, String error) {
    }

    public Outcome launch(WorkflowFile workflow, Map<String, String> overrides) {
        Map<String, String> parameters = workflow.resolveParameters(overrides);
        long seed = seedOf(parameters);
        Map<String, String> runFacts = Map.of(Preflight.RUN_SEED, Long.toString(seed),
                Preflight.CACHE_DIR, cacheDir.toAbsolutePath().toString());
        AtomicReference<StepExecutor> executor = new AtomicReference<>();
        if (Files.isDirectory(runsDir)) {
            checkWritable(runsDir);
        }
        try (WorkflowEngine.LoadedWorkflow routes = new WorkflowEngine(new PluginSteps(catalog, runFacts))
                .load(workflow, parameters, (step, repeat) -> executor.get().execute(step, repeat))) {
            RecordStore store = RecordStore.open(runsDir, storeUrl);
            Outcome outcome = null;
            try {
                outcome = run(workflow, parameters, seed, routes, store, executor);
                return outcome;
            } finally {
                close(store, outcome);
            }
        }
    }

    private Outcome run(WorkflowFile workflow, Map<String, String> parameters, long seed, WorkflowEngine.LoadedWorkflow routes,
                        RecordStore store, AtomicReference<StepExecutor> executor) {
        checkWritable(runsDir);
        Map<String, String> recordedParameters = redaction.apply(parameters);
        Map<String, String> provenance = new LinkedHashMap<>(redaction.apply(Provenance.collect()));
        if (redaction.active()) {
            provenance.put(Redaction.PROVENANCE_KEY, "home, runs and cache folders and secret environment values replaced by placeholders");
        }
        if (resumedRun != null) {
            provenance.put(RESUMED_FROM, resumedRun);
        }
        Path workflowPath = Path.of(redaction.apply(workflow.path().toString()));
        RunHandle run = store.startRun(new NewRun(workflowPath, workflow.text(), recordedParameters, seed, Main.VERSION,
                provenance));
        StoreJournal journal = new StoreJournal(run, redaction);
        StudyRun study = new StudyRun(run.id(), run.outputDir(), cacheDir, seed, journal::current, console,
                TerminalProgress.terminalAttached());
        study.setInfo(new RunInfo(run.id(), workflowPath.toString(), workflow.sha256(), recordedParameters, seed, provenance));
        RunSteps history = new RunSteps();
        executor.set(new StepRunner(catalog, study, journal, history));
        Thread onSignal = new Thread(() -> finishOnce(store, run, RunStatus.INTERRUPTED, "stopped by a signal"));
        Runtime.getRuntime().addShutdownHook(onSignal);
        run.recorder().result("run_id", run.id());
        Outcome outcome;
        if (resumedRun != null) {
            console.println("dnnc: resuming run " + resumedRun + ": " + store.copyUnitResults(resumedRun, run.id())
                    + " units already computed");
        }
        try (UnitPlacement units = placement == null ? null : placement.open(run.id(), history, store)) {
            study.placeUnits(units);
            routes.run();
            outcome = finishOnce(store, run, RunStatus.SUCCEEDED, null);
        } catch (RuntimeException | Error e) {
            if (isInternal(e)) {
                e.printStackTrace(console);
            }
            outcome = finishOnce(store, run, RunStatus.FAILED, redaction.apply(describe(e)));
        } finally {
            removeHook(onSignal);
        }
        if (outcome.status() != RunStatus.SUCCEEDED) {
            console.println("dnnc: run " + outcome.runId() + " " + outcome.status().sqlName() + ": " + outcome.error());
        }
        out.println("run " + outcome.runId() + " " + outcome.status().sqlName() + (outcome.error() == null ? "" : ": " + outcome.error()));
        out.println(outcome.outputDir());
        return outcome;
    }

    /**
     * A store that cannot be closed after a run that already ended badly (its disk filled up) has been reported in
     * that run's one line (or by the exception that ended it); every record committed before stays. After a run
     * that succeeded it is an error.
     */
    private static void close(RecordStore store, Outcome outcome) {
        try {
            store.close();
        } catch (RecordStoreException e) {
            if (outcome != null && outcome.status() == RunStatus.SUCCEEDED) {
                throw e;
            }
        }
    }

    private final Object finishing = new Object();
    private Outcome finished;

    /**
     * Closes the run exactly once, whether the workflow ended or a signal arrived first. Never throws: a run whose
     * results.json or end cannot be written (a full disk) ends as failed with that reason, as far as the store
     * can still take it; a run whose end cannot be recorded at all shows as interrupted once its process is gone.
     */
    private Outcome finishOnce(RecordStore store, RunHandle run, RunStatus status, String error) {
        synchronized (finishing) {
            if (finished == null) {
                RunStatus endStatus = status;
                String endError = error;
                try {
                    run.recorder().result("status", status.sqlName());
                    writeResults(store, run);
                } catch (RuntimeException e) {
                    endStatus = status == RunStatus.SUCCEEDED ? RunStatus.FAILED : status;
                    endError = joined(error, redaction.apply(describe(e)));
                }
                try {
                    run.finish(endStatus, endError);
                } catch (RuntimeException e) {
                    endStatus = status == RunStatus.SUCCEEDED ? RunStatus.FAILED : status;
                    endError = joined(endError, "its end could not be recorded (" + redaction.apply(describe(e))
                            + "); it will show as interrupted");
                }
                finished = new Outcome(run.id(), run.outputDir(), endStatus, endError);
            }
            return finished;
        }
    }

    private static String joined(String first, String second) {
        if (first == null || first.contains(second)) {
            return first == null ? second : first;
        }
        return first + "; then " + second;
    }

    private static void writeResults(RecordStore store, RunHandle run) {
        AtomicFile.writeString(run.outputDir().resolve("results.json"), store.resultsJson(run.id()) + "\n");
    }

    private static void checkWritable(Path runsDir) {
        if (!Files.isWritable(runsDir)) {
            throw new InvalidInputException(runsDir + ": the runs folder is not writable; choose another with --runs DIR");
        }
    }

    private static long seedOf(Map<String, String> parameters) {
        String seed = parameters.get("seed");
        if (seed == null) {
            return 0;
        }
        try {
            return Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("workflow parameter seed='" + seed + "' is not an integer");
        }
    }

    /** One line for the user: their own error as it was written, an I/O failure as file and reason, else the exception. */
    static String describe(Throwable e) {
        Optional<InvalidInputException> user = Causes.find(e, InvalidInputException.class);
        if (user.isPresent()) {
            return user.get().getMessage();
        }
        String io = IoFailures.describe(e);
        if (io != null) {
            return io;
        }
        return Causes.find(e, RecordStoreException.class).map(Throwable::getMessage).orElse(e.toString());
    }

    /** A bug rather than bad input or a full or read-only disk: worth a stack trace. */
    private static boolean isInternal(Throwable e) {
        return Causes.find(e, InvalidInputException.class).isEmpty() && Causes.find(e, RecordStoreException.class).isEmpty()
                && IoFailures.describe(e) == null;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and closes the run itself
        }
    }
}

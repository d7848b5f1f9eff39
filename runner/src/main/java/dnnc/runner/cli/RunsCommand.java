package dnnc.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dnnc.api.InvalidInputException;
import dnnc.db.ArtifactRecord;
import dnnc.db.RecordStore;
import dnnc.db.RunComparison;
import dnnc.db.RunDetails;
import dnnc.db.RunFilter;
import dnnc.db.RunStatus;
import dnnc.db.RunSummary;
import dnnc.db.StepRecord;
import dnnc.db.StoreRecoveryReport;
import dnnc.db.TextTable;
import dnnc.db.WarningRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code dnnc runs list|show|compare}: what the record store holds about past runs. */
@Command(name = "runs", description = "List, show and compare recorded runs.", mixinStandardHelpOptions = true,
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.ShowRun.class, RunsCommand.CompareRuns.class,
                RunsCommand.RecoverStore.class})
public final class RunsCommand implements Runnable {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int LONGEST_VALUE = 100;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "List runs, oldest first.", mixinStandardHelpOptions = true)
    static final class ListRuns implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        RunsFolder runs;
        @Option(names = "--status", paramLabel = "S", description = "Only runs in this status: running, succeeded, failed, interrupted.")
        String status;
        @Option(names = "--workflow", paramLabel = "W", description = "Only runs whose workflow path contains W.")
        String workflow;

        @Override
        public Integer call() {
            RunFilter filter = new RunFilter(status == null ? null : RunStatus.parse(status), workflow);
            PrintWriter out = spec.commandLine().getOut();
            try (RecordStore store = runs.open()) {
                List<RunSummary> found = store.listRuns(filter);
                if (found.isEmpty()) {
                    out.println("no runs in " + store.label() + (status != null || workflow != null ? " match" : ""));
                    return 0;
                }
                TextTable table = new TextTable(List.of("id", "status", "started", "duration", "seed", "workflow"));
                for (RunSummary run : found) {
                    table.add(List.of(run.id(), run.status().sqlName(), time(run.startedAt()),
                            run.duration().map(RunsCommand::duration).orElse("-"), Long.toString(run.seed()),
                            run.workflowPath()));
                }
                out.print(table.aligned());
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show one run: parameters, steps, results, artifacts, warnings.",
            mixinStandardHelpOptions = true)
    static final class ShowRun implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        RunsFolder runs;
        @Parameters(paramLabel = "ID", description = "Run id, as printed by dnnc runs list.")
        String runId;

        @Override
        public Integer call() {
            try (RecordStore store = runs.open()) {
                print(store.showRun(runId), spec.commandLine().getOut());
            }
            return 0;
        }

        private static void print(RunDetails run, PrintWriter out) {
            RunSummary summary = run.summary();
            out.println("run       " + summary.id() + "  " + summary.status().sqlName());
            out.println("workflow  " + summary.workflowPath() + "  (sha256 " + run.workflowSha256() + ")");
            out.println("seed      " + summary.seed());
            out.println("started   " + time(summary.startedAt()) + "   ended " + (summary.endedAt() == null ? "-"
                    : time(summary.endedAt()) + "   took " + duration(summary.duration().orElseThrow())));
            out.println("output    " + run.outputDir());
            out.println("process   " + run.pid() + " on " + run.host() + ", dnnc " + run.dnncVersion());
            if (summary.error() != null) {
                out.println("error     " + summary.error());
            }
            section(out, "parameters", keyValues(run.flatParameters()));
            section(out, "steps", steps(run.steps()));
            section(out, "results", keyValues(run.flatResults()));
            TextTable data = new TextTable(List.of("kind", "name", "size"));
            run.tableRowCounts().forEach((name, rows) -> data.add(List.of("table", name, rows + " rows")));
            run.arrayShapes().forEach((name, shape) -> data.add(List.of("array", name, shape.toString())));
            section(out, "tables and arrays", data);
            TextTable artifacts = new TextTable(List.of("path", "bytes", "sha256", "description"));
            for (ArtifactRecord artifact : run.artifacts()) {
                artifacts.add(List.of(artifact.path(), Long.toString(artifact.sizeBytes()), artifact.sha256().substring(0, 12),
                        String.valueOf(artifact.description())));
            }
            section(out, "artifacts", artifacts);
            section(out, "inputs", pairs(run.inputHashes(), "sha256"));
            TextTable warnings = new TextTable(List.of("step", "warning"));
            for (WarningRecord warning : run.warnings()) {
                warnings.add(List.of(warning.stepOrdinal() == null ? "-" : warning.stepOrdinal().toString(), warning.message()));
            }
            section(out, "warnings", warnings);
            section(out, "provenance", pairs(run.provenance(), "value"));
        }

        private static TextTable steps(List<StepRecord> steps) {
            TextTable table = new TextTable(List.of("#", "step", "plugin", "status", "started", "took", "error"));
            for (StepRecord step : steps) {
                table.add(List.of(Integer.toString(step.ordinal()), step.stepId(),
                        (step.pluginKind() == null ? "" : step.pluginKind() + ":") + String.valueOf(step.pluginName()),
                        step.status().sqlName(), time(step.startedAt()),
                        step.endedAt() == null ? "-" : duration(Duration.between(step.startedAt(), step.endedAt())),
                        step.error() == null ? "" : step.error()));
            }
            return table;
        }
    }

    @Command(name = "compare", description = "What differs between two runs, parameter by parameter and result by result.",
            mixinStandardHelpOptions = true)
    static final class CompareRuns implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        RunsFolder runs;
        @Parameters(index = "0", paramLabel = "A", description = "First run id.")
        String runA;
        @Parameters(index = "1", paramLabel = "B", description = "Second run id.")
        String runB;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (RecordStore store = runs.open()) {
                RunComparison comparison = store.compare(runA, runB);
                out.println("A  " + comparison.a().id() + "  " + comparison.a().status().sqlName() + "  " + comparison.a().workflowPath());
                out.println("B  " + comparison.b().id() + "  " + comparison.b().status().sqlName() + "  " + comparison.b().workflowPath());
                if (comparison.differences().isEmpty()) {
                    out.println("no differences");
                } else {
                    TextTable table = new TextTable(List.of("section", "key", "A", "B", "B - A"));
                    for (RunComparison.Difference difference : comparison.differences()) {
                        Double delta = difference.delta();
                        table.add(List.of(difference.section(), difference.key(), shown(difference.a()),
                                shown(difference.b()), delta == null ? "" : Double.toString(delta)));
                    }
                    out.println();
                    out.print(table.aligned());
                }
                out.println();
                out.println(comparison.equalParameters() + " parameters and " + comparison.equalResults()
                        + " results are equal");
            }
            return 0;
        }
    }

    @Command(name = "recover", description = {"Check the H2 record store by reading every row; if it is damaged, "
            + "rebuild it from what H2's recovery tool can still read and keep the damaged file beside it.",
            "No other dnnc process may use the runs folder meanwhile."}, mixinStandardHelpOptions = true)
    static final class RecoverStore implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        RunsFolder runs;

        @Override
        public Integer call() {
            if (runs.storeUrl() != null) {
                throw new InvalidInputException("--store: recover rebuilds the H2 file of a runs folder; a PostgreSQL "
                        + "store is repaired with PostgreSQL's own tools (pg_dump, pg_restore)");
            }
            PrintWriter out = spec.commandLine().getOut();
            StoreRecoveryReport report = RecordStore.recover(runs.runsDir());
            if (!report.rebuilt()) {
                out.println(report.store() + " is sound: every row of every table reads; nothing to recover");
                return 0;
            }
            out.println(report.store() + " was damaged (" + report.damage() + ")");
            String ofRecord = report.runsOnRecord() > 0 ? " of the " + report.runsOnRecord() + " it was seen to hold" : "";
            out.println("rebuilt from what H2's recovery could read: " + report.runsRecovered() + " runs" + ofRecord);
            TextTable rows = new TextTable(List.of("table", "rows"));
            report.rowsPerTable().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(table -> rows.add(List.of(table.getKey(), Long.toString(table.getValue()))));
            out.print(rows.aligned());
            out.println("the damaged file is kept as " + report.damagedCopy());
            return 0;
        }
    }

    static String time(OffsetDateTime instant) {
        return instant == null ? "-" : LOCAL_TIME.format(instant.atZoneSameInstant(ZoneId.systemDefault()));
    }

    static String duration(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return String.format("%.1fs", duration.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh%02dm%02ds", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }

    private static void section(PrintWriter out, String title, TextTable table) {
        out.println();
        if (table.rowCount() == 0) {
            out.println(title + ": none");
            return;
        }
        out.println(title);
        table.aligned().lines().forEach(line -> out.println("  " + line));
    }

    private static TextTable keyValues(Map<String, JsonNode> values) {
        TextTable table = new TextTable(List.of("key", "value"));
        values.forEach((key, value) -> table.add(List.of(key, shown(value))));
        return table;
    }

    private static TextTable pairs(Map<String, String> values, String valueHeader) {
        TextTable table = new TextTable(List.of("name", valueHeader));
        values.forEach((key, value) -> table.add(List.of(key, String.valueOf(value))));
        return table;
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return "(absent)";
        }
        String text = value.isTextual() ? value.textValue() : value.toString();
        return text.length() <= LONGEST_VALUE ? text : text.substring(0, LONGEST_VALUE - 3) + "...";
    }
}

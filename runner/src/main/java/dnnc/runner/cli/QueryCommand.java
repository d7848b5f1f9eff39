package dnnc.runner.cli;

import dnnc.api.InvalidInputException;
import dnnc.db.QueryResult;
import dnnc.db.RecordStore;
import dnnc.db.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code dnnc query "SELECT ..."}: read-only SQL over the record store, through the store's one read-only query
 * entry point (one query statement, a SELECT-only database user, a time limit).
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run one read-only SQL query (SELECT, WITH ... SELECT, VALUES, TABLE or EXPLAIN) over the record store.",
                "Tables: runs, steps, results, result_tables, result_table_rows, arrays, artifacts, provenance, "
                        + "input_hashes, warnings.",
                "Example: dnnc query \"SELECT run_id, value_number FROM results WHERE path = 'model.test_bce'\""})
public final class QueryCommand implements Callable<Integer> {
    /** A day: H2 keeps its query timeout in milliseconds in an int. */
    private static final int MAX_TIMEOUT_SECONDS = 86_400;

    @Spec
    CommandSpec spec;
    @Mixin
    RunsFolder runs;
    @Parameters(paramLabel = "SQL", description = "One query statement.")
    String sql;
    @Option(names = "--csv", description = "Print CSV instead of an aligned table.")
    boolean csv;
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Cancel the query after this many seconds (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Override
    public Integer call() {
        if (!(timeoutSeconds >= 0.001 && timeoutSeconds <= MAX_TIMEOUT_SECONDS)) {
            throw new InvalidInputException("--timeout " + timeoutSeconds + ": expected seconds in [0.001, "
                    + MAX_TIMEOUT_SECONDS + "]");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (RecordStore store = runs.open()) {
            QueryResult result = store.query(sql, List.of(), Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
            TextTable table = result.toTextTable();
            if (csv) {
                out.print(table.csv());
            } else {
                out.print(table.aligned());
                out.println("(" + table.rowCount() + (table.rowCount() == 1 ? " row)" : " rows)"));
            }
        }
        return 0;
    }
}

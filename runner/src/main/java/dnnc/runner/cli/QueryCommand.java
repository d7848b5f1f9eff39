package dnnc.runner.cli;

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
import java.util.concurrent.Callable;

/**
 * {@code dnnc query "SELECT ..."}: read-only SQL over the record store. The query runs as a database user that may
 * only SELECT from the record tables, so anything else is refused by H2 itself.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a read-only SQL query over the record store.",
                "Tables: runs, steps, results, result_tables, result_table_rows, arrays, artifacts, provenance, "
                        + "input_hashes, warnings.",
                "Example: dnnc query \"SELECT run_id, value_number FROM results WHERE path = 'model.test_bce'\""})
public final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    RunsFolder runs;
    @Parameters(paramLabel = "SQL", description = "One SELECT statement.")
    String sql;
    @Option(names = "--csv", description = "Print CSV instead of an aligned table.")
    boolean csv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RecordStore store = runs.open()) {
            QueryResult result = store.query(sql);
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

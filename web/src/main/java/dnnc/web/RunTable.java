package dnnc.web;

import com.fasterxml.jackson.databind.JsonNode;
import dnnc.api.InvalidInputException;
import dnnc.db.ReadOnlyRecords;
import dnnc.db.RunListing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The runs table: every run read once per request (summary and parameters), the results it needs read by path,
 * filtered, sorted and cut to a page in memory. Ten thousand runs take a few tens of milliseconds this way, and
 * the filter never reaches SQL.
 */
final class RunTable {
    /** Results shown by default when runs have them: the model's and the judge's headline numbers. */
    static final List<String> DEFAULT_RESULTS = List.of("model.test_bce", "judge.test_accuracy");
    private static final int MAX_DEFAULT_PARAMETERS = 8;
    /** How many of the latest runs say which result paths the column chooser offers. */
    private static final int RUNS_OFFERING_COLUMNS = 200;

    private final ReadOnlyRecords records;

    RunTable(ReadOnlyRecords records) {
        this.records = records;
    }

    /** The runs a request selects, sorted, all of them (the page is cut by {@link TablePage}). */
    Selection select(TableRequest request) {
        List<RunListing> listings = records.runs();
        List<String> parameterNames = parameterNames(listings);
        List<String> resultPaths = records.numericResultPaths(latestIds(listings));
        List<RunColumn> columns = columns(request.columns(), listings, parameterNames, resultPaths);
        Set<String> needed = new LinkedHashSet<>(request.filter().names());
        needed.add(request.sort());
        columns.forEach(c -> needed.add(c.key()));
        needed.removeIf(RunColumn::isRunField);
        Map<String, Map<String, JsonNode>> results = records.results(needed);
        checkKnown(request, parameterNames, results);
        List<RunRow> rows = new ArrayList<>();
        for (RunListing listing : listings) {
            RunRow row = new RunRow(listing, results.getOrDefault(listing.summary().id(), Map.of()));
            if (selected(request, row)) {
                rows.add(row);
            }
        }
        return new Selection(listings.size(), sorted(rows, request.sort(), request.descending()), columns, parameterNames,
                resultPaths);
    }

    /** The selected runs of a request, sorted, with the columns to show and the names a column may have. */
    record Selection(int total, List<RunRow> rows, List<RunColumn> columns, List<String> parameterNames,
                     List<String> resultPaths) {
    }

    /** The latest runs say which result paths the column chooser offers: they are the runs a user looks at. */
    private static List<String> latestIds(List<RunListing> listings) {
        int from = Math.max(0, listings.size() - RUNS_OFFERING_COLUMNS);
        return listings.subList(from, listings.size()).stream().map(l -> l.summary().id()).toList();
    }

    private static boolean selected(TableRequest request, RunRow row) {
        var run = row.listing().summary();
        return (request.status() == null || run.status() == request.status())
                && (request.workflow() == null || run.workflowPath().contains(request.workflow()))
                && (request.idPrefix() == null || run.id().startsWith(request.idPrefix()))
                && request.filter().matches(row);
    }

    /**
     * Missing values last in both directions; numbers by value before text, text in its order; ties by run id. Each
     * row's key is read once (a sort compares each row about log n times).
     */
    static List<RunRow> sorted(List<RunRow> rows, String key, boolean descending) {
        record Keyed(RunRow row, Double number, String text) {
        }
        Comparator<Keyed> values = Comparator.comparing((Keyed k) -> k.number() == null)
                .thenComparing(Keyed::number, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Keyed::text, Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<Keyed> direction = descending ? values.reversed() : values;
        Comparator<Keyed> order = Comparator.comparing((Keyed k) -> k.number() == null && k.text() == null)
                .thenComparing(direction).thenComparing(k -> k.row().id());
        return rows.stream().map(row -> {
            JsonNode value = row.valueOf(key);
            boolean missing = value == null || value.isNull();
            Double number = missing ? null : RunFilterExpression.number(value);
            return new Keyed(row, number, missing || number != null ? null : value.asText());
        }).sorted(order).map(Keyed::row).toList();
    }

    private static List<RunColumn> columns(List<String> requested, List<RunListing> listings, List<String> parameterNames,
                                           List<String> resultPaths) {
        List<String> keys = new ArrayList<>();
        if (requested == null) {
            keys.addAll(RunColumn.RUN_FIELDS);
            Set<String> offered = new HashSet<>(resultPaths);
            DEFAULT_RESULTS.stream().filter(offered::contains).forEach(keys::add);
            keys.addAll(varyingParameters(listings, parameterNames));
        } else {
            keys.add("id");
            requested.stream().filter(k -> !k.equals("id")).distinct().forEach(keys::add);
        }
        Set<String> parameters = new HashSet<>(parameterNames);
        return keys.stream().map(key -> new RunColumn(key, RunColumn.isRunField(key) ? RunColumn.Kind.RUN
                : parameters.contains(key) ? RunColumn.Kind.PARAMETER : RunColumn.Kind.RESULT)).toList();
    }

    private static List<String> parameterNames(List<RunListing> listings) {
        Set<String> names = new TreeSet<>();
        listings.forEach(l -> names.addAll(l.parameters().keySet()));
        return List.copyOf(names);
    }

    /** Parameters with more than one value across the runs: the ones that tell runs apart. */
    static List<String> varyingParameters(List<RunListing> listings, List<String> parameterNames) {
        List<String> varying = new ArrayList<>();
        for (String name : parameterNames) {
            if (RunColumn.isRunField(name)) {
                continue;
            }
            Set<JsonNode> values = new HashSet<>();
            listings.forEach(l -> values.add(l.parameters().get(name)));
            if (values.size() > 1) {
                varying.add(name);
            }
            if (varying.size() == MAX_DEFAULT_PARAMETERS) {
                break;
            }
        }
        return varying;
    }

    /** A misspelt name would silently match nothing: refuse names no run has, and say what exists. */
    private static void checkKnown(TableRequest request, List<String> parameterNames,
                                   Map<String, Map<String, JsonNode>> results) {
        Set<String> known = new HashSet<>(parameterNames);
        results.values().forEach(byPath -> known.addAll(byPath.keySet()));
        for (String name : request.filter().names()) {
            if (!RunColumn.isRunField(name) && !known.contains(name)) {
                throw new FilterSyntaxException("filter '" + request.filter().text() + "': no run has a field, parameter "
                        + "or result named '" + name + "'; run fields: " + String.join(", ", allRunFields())
                        + (parameterNames.isEmpty() ? "" : "; parameters: " + String.join(", ", parameterNames))
                        + "; results by their dotted path, such as model.test_bce");
            }
        }
        if (!RunColumn.isRunField(request.sort()) && !known.contains(request.sort())) {
            throw new InvalidInputException("parameter 'sort' is '" + request.sort() + "': no run has a field, parameter or result of that name");
        }
    }

    static List<String> allRunFields() {
        List<String> all = new ArrayList<>(RunColumn.RUN_FIELDS);
        all.addAll(RunColumn.HIDDEN_RUN_FIELDS);
        return all;
    }
}

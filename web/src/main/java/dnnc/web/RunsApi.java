package dnnc.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dnnc.db.RecordStore;
import dnnc.db.TextTable;
import io.javalin.http.Context;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /api/runs (a page of the table), /api/runs.csv (all of it) and /api/chart (one result across the runs). */
final class RunsApi {
    /** Parameter axes of the parallel coordinates: beyond this many the lines cannot be followed. */
    private static final int MAX_PARALLEL_AXES = 8;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final RecordStore store;
    private final RunTable table;

    RunsApi(RecordStore store) {
        this.store = store;
        this.table = new RunTable(store.readOnly());
    }

    void table(Context ctx) {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        store.markAbandonedRunsInterrupted();
        TableRequest request = TableRequest.from(queryParameters(ctx));
        RunTable.Selection selection = table.select(request);
        ObjectNode page = WebJson.object();
        page.put("total", selection.total());
        page.put("matched", selection.rows().size());
        page.put("offset", request.offset());
        page.put("limit", request.limit());
        page.put("sort", request.sort());
        page.put("order", request.descending() ? "desc" : "asc");
        ArrayNode columns = page.putArray("columns");
        selection.columns().forEach(c -> columns.addObject().put("key", c.key()).put("kind", c.kind().name().toLowerCase()));
        ArrayNode rows = page.putArray("rows");
        List<RunRow> shown = selection.rows().subList(Math.min(request.offset(), selection.rows().size()),
                Math.min(request.offset() + request.limit(), selection.rows().size()));
        for (RunRow row : shown) {
            ObjectNode cells = rows.addObject();
            selection.columns().forEach(c -> cells.set(c.key(), row.valueOf(c.key())));
        }
        ObjectNode available = page.putObject("available");
        RunTable.allRunFields().forEach(available.putArray("run")::add);
        selection.parameterNames().forEach(available.putArray("parameters")::add);
        selection.resultPaths().forEach(available.putArray("results")::add);
        page.put("millis", (System.nanoTime() - start) / 1_000_000);
        // CPU time of this request's thread (the store is read in this thread): its cost on a busy machine too
        page.put("cpuMillis", (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
        ctx.json(page);
    }

    void csv(Context ctx) {
        TableRequest request = TableRequest.from(queryParameters(ctx));
        RunTable.Selection selection = table.select(request);
        List<String> keys = selection.columns().stream().map(RunColumn::key).toList();
        TextTable csv = new TextTable(keys);
        for (RunRow row : selection.rows()) {
            csv.add(keys.stream().map(k -> cellText(row.valueOf(k))).toList());
        }
        ctx.header("Content-Disposition", "attachment; filename=\"runs.csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(csv.csv());
    }

    /**
     * One result across the selected runs, against run order (oldest first) or a parameter, and the parallel
     * coordinates of the parameters that vary among those runs with the same result as the last axis.
     */
    void chart(Context ctx) {
        Map<String, String> query = queryParameters(ctx);
        String result = query.get("result");
        if (result == null || result.isBlank()) {
            throw new dnnc.api.InvalidInputException("parameter 'result' is missing; give a result path such as model.test_bce");
        }
        String against = query.getOrDefault("against", "order");
        Map<String, String> selecting = new HashMap<>(query);
        selecting.put("sort", "started");
        selecting.put("order", "asc");
        selecting.put("columns", result + ("order".equals(against) ? "" : "," + against));
        RunTable.Selection selection = table.select(TableRequest.from(selecting));
        ObjectNode chart = WebJson.object();
        chart.put("result", result);
        chart.put("against", against);
        ArrayNode points = chart.putArray("points");
        int order = 0;
        for (RunRow row : selection.rows()) {
            order++;
            Double y = RunFilterExpression.number(row.valueOf(result));
            if (y == null) {
                continue;
            }
            ObjectNode point = points.addObject().put("id", row.id()).put("y", y);
            if ("order".equals(against)) {
                point.put("x", order);
            } else {
                point.set("x", row.valueOf(against));
            }
        }
        parallelCoordinates(chart.putObject("parallel"), selection.rows(), result);
        ctx.json(chart);
    }

    private static void parallelCoordinates(ObjectNode parallel, List<RunRow> selected, String result) {
        List<RunRow> rows = selected.stream().filter(r -> RunFilterExpression.number(r.valueOf(result)) != null).toList();
        List<String> varying = varying(rows);
        ArrayNode dimensions = parallel.putArray("dimensions");
        varying.forEach(dimensions::add);
        dimensions.add(result);
        ArrayNode lines = parallel.putArray("runs");
        for (RunRow row : rows) {
            JsonNode value = row.valueOf(result);
            ObjectNode line = lines.addObject().put("id", row.id());
            ArrayNode values = line.putArray("values");
            varying.forEach(name -> values.add(row.valueOf(name) == null ? WebJson.NODES.nullNode() : row.valueOf(name)));
            values.add(value);
        }
    }

    /** The parameters with more than one value among these runs (at most a readable number of axes). */
    private static List<String> varying(List<RunRow> rows) {
        Set<String> names = new TreeSet<>();
        rows.forEach(r -> names.addAll(r.listing().parameters().keySet()));
        List<String> varying = new ArrayList<>();
        for (String name : names) {
            Set<JsonNode> values = new java.util.HashSet<>();
            rows.forEach(r -> values.add(r.listing().parameters().get(name)));
            if (values.size() > 1) {
                varying.add(name);
            }
        }
        if (!varying.contains("seed") && rows.stream().map(r -> r.listing().summary().seed()).distinct().count() > 1) {
            varying.add(0, "seed");
        }
        return varying.subList(0, Math.min(varying.size(), MAX_PARALLEL_AXES));
    }

    static String cellText(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    static Map<String, String> queryParameters(Context ctx) {
        Map<String, String> query = new HashMap<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(values.size() - 1));
            }
        });
        return query;
    }
}

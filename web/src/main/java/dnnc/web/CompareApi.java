package dnnc.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dnnc.api.InvalidInputException;
import dnnc.db.ReadOnlyRecords;
import dnnc.db.SideBySide;
import io.javalin.http.Context;

import java.util.Arrays;
import java.util.List;

/**
 * /api/compare?runs=A,B,...: any number of runs side by side, key by key, each key marked when its values differ,
 * with numeric deltas against the first run.
 */
final class CompareApi {
    static final int MAX_RUNS = 200;

    private final ReadOnlyRecords records;

    CompareApi(ReadOnlyRecords records) {
        this.records = records;
    }

    void compare(Context ctx) {
        List<String> ids = runIds(ctx.queryParam("runs"));
        ids.forEach(id -> RunApi.known(records, id, () -> id));
        SideBySide sideBySide = records.sideBySide(ids);
        ObjectNode json = WebJson.object();
        ArrayNode runs = json.putArray("runs");
        sideBySide.runs().forEach(r -> runs.add(RunApi.summary(r)));
        ArrayNode rows = json.putArray("rows");
        for (SideBySide.Row row : sideBySide.rows()) {
            ObjectNode shown = rows.addObject().put("section", row.section()).put("key", row.key()).put("differs", row.differs());
            ArrayNode values = shown.putArray("values");
            row.values().forEach(v -> values.add(v == null ? WebJson.NODES.nullNode() : v));
            ArrayNode present = shown.putArray("present");
            row.values().forEach(v -> present.add(v != null));
            ArrayNode deltas = shown.putArray("deltas");
            row.deltas().forEach(deltas::add);
        }
        ObjectNode equal = json.putObject("equal");
        sideBySide.equal().forEach(equal::put);
        if (ids.size() == 2) {
            json.putObject("agreement").set("alphas", StudyAgreement.of(records.details(ids.get(0)), records.details(ids.get(1))));
        }
        ctx.json(json);
    }

    static List<String> runIds(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("parameter 'runs' is missing; give run ids separated by commas: /compare?runs=A,B");
        }
        List<String> ids = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (ids.isEmpty() || ids.size() > MAX_RUNS) {
            throw new InvalidInputException("parameter 'runs' names " + ids.size() + " runs; compare 1 to " + MAX_RUNS);
        }
        return ids;
    }
}

package dnnc.web;

import dnnc.api.InvalidInputException;
import dnnc.db.RunStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the runs table shows: filters (status, workflow path text, run id prefix, expression), sort, page and
 * columns. Built from a request's query parameters; a bad one is an {@link InvalidInputException} naming it.
 *
 * @param columns the columns to show after id, or null for the default set
 */
public record TableRequest(RunStatus status, String workflow, String idPrefix, RunFilterExpression filter,
                           String sort, boolean descending, int offset, int limit, List<String> columns) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 10_000;

    public static TableRequest all() {
        return new TableRequest(null, null, null, RunFilterExpression.parse(""), "started", true, 0, MAX_LIMIT, null);
    }

    /** Reads the query parameters status, workflow, q, filter, sort, order, offset, limit and columns. */
    public static TableRequest from(Map<String, String> query) {
        String status = blankToNull(query.get("status"));
        String columns = query.get("columns");
        String order = query.getOrDefault("order", "desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new InvalidInputException("parameter 'order' is '" + order + "'; expected asc or desc");
        }
        return new TableRequest(status == null ? null : RunStatus.parse(status), blankToNull(query.get("workflow")),
                blankToNull(query.get("q")), RunFilterExpression.parse(query.get("filter")),
                query.getOrDefault("sort", "started"), order.equals("desc"),
                integer(query, "offset", 0, 0, Integer.MAX_VALUE), integer(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
                columns == null ? null : Arrays.stream(columns.split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList());
    }

    private static int integer(Map<String, String> query, String name, int fallback, int min, int max) {
        String text = blankToNull(query.get(name));
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the valid range
        }
        throw new InvalidInputException("parameter '" + name + "' is '" + text + "'; expected an integer in [" + min + ", " + max + "]");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

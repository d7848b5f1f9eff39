package dnnc.db;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Any number of runs key by key. Sections as in {@link RunComparison}: "run", "parameters", "results". A value is
 * null where a run has no such key; equal counts, per section, the keys whose values are the same in every run.
 */
public record SideBySide(List<RunSummary> runs, List<Row> rows, Map<String, Integer> equal) {

    public record Row(String section, String key, List<JsonNode> values, boolean differs) {
        /** Each value minus the first run's, where both are numbers; null elsewhere. */
        public List<Double> deltas() {
            JsonNode base = values.get(0);
            List<Double> deltas = new ArrayList<>(values.size());
            for (JsonNode value : values) {
                boolean numbers = base != null && value != null && base.isNumber() && value.isNumber();
                deltas.add(numbers ? value.doubleValue() - base.doubleValue() : null);
            }
            return deltas;
        }
    }
}

package dnnc.runner.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A run's results.json against one recorded before a refactor, key by key: the same seeds must give the same
 * numbers. Integers, text and booleans must be equal; other numbers equal to {@link #TOLERANCE} (relative, or
 * absolute below 1). That absorbs float32 sums whose order varies with thread timing (two runs of one build differ
 * by up to 2e-7 relative in {@code ace.class_correlations}) and another CPU's SIMD width, not a changed computation.
 */
public final class ResultsComparison {
    public static final double TOLERANCE = 1e-6;
    /** Set to rewrite the recorded results from this run (after a change that is meant to alter the numbers). */
    public static final String REWRITE_PROPERTY = "dnnc.golden.rewrite";
    private static final Set<String> RUN_IDENTITY = Set.of("run_id");

    private ResultsComparison() {
    }

    /** Every difference between the two, one line each ("path: expected X, was Y"); empty when they agree. */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        Map<String, JsonNode> before = leaves(expected);
        Map<String, JsonNode> after = leaves(actual);
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : before.entrySet()) {
            JsonNode now = after.get(e.getKey());
            if (now == null) {
                differences.add(e.getKey() + ": missing (was " + e.getValue() + ")");
            } else if (!same(e.getValue(), now)) {
                differences.add(e.getKey() + ": expected " + e.getValue() + ", was " + now);
            }
        }
        for (String key : after.keySet()) {
            if (!before.containsKey(key)) {
                differences.add(key + ": new (" + after.get(key) + ")");
            }
        }
        return differences;
    }

    /** The recorded results, or, when {@link #REWRITE_PROPERTY} is set, {@code actual} written in their place. */
    public static JsonNode recorded(Path fixture, JsonNode actual) throws IOException {
        ObjectMapper json = new ObjectMapper();
        if (Boolean.getBoolean(REWRITE_PROPERTY)) {
            ObjectNode kept = actual.deepCopy();
            RUN_IDENTITY.forEach(kept::remove);
            Files.createDirectories(fixture.getParent());
            json.enable(SerializationFeature.INDENT_OUTPUT).writeValue(fixture.toFile(), kept);
        }
        return json.readTree(fixture.toFile());
    }

    private static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> leaves = new TreeMap<>();
        collect("", root, leaves);
        RUN_IDENTITY.forEach(leaves::remove);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    private static boolean same(JsonNode expected, JsonNode actual) {
        if (expected.isFloatingPointNumber() && actual.isNumber()) {
            double a = expected.doubleValue();
            double b = actual.doubleValue();
            return a == b || Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
        }
        return expected.equals(actual);
    }
}

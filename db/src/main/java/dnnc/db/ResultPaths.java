package dnnc.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dotted result paths ("model.kl_per_latent") and the nested JSON document they address. */
final class ResultPaths {
    static final int MAX_LENGTH = 1024;

    private ResultPaths() {
    }

    static void check(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a result path must have 1 to " + MAX_LENGTH + " characters: '" + path + "'");
        }
        for (String segment : path.split("\\.", -1)) {
            if (segment.isBlank()) {
                throw new IllegalArgumentException("result path '" + path + "' has an empty segment; use names like model.test_bce");
            }
        }
    }

    /** "a.b.c" -> ["a", "a.b"]: the paths that would be objects holding this one. */
    static List<String> enclosing(String path) {
        List<String> prefixes = new ArrayList<>();
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
            prefixes.add(path.substring(0, dot));
        }
        return prefixes;
    }

    /** Nests each value under its dotted path; the paths must not contain one another. */
    static ObjectNode assemble(Map<String, JsonNode> valuesByPath) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        valuesByPath.forEach((path, value) -> {
            String[] segments = path.split("\\.");
            ObjectNode parent = root;
            for (int i = 0; i < segments.length - 1; i++) {
                JsonNode child = parent.get(segments[i]);
                if (child == null) {
                    parent = parent.putObject(segments[i]);
                } else if (child instanceof ObjectNode object && !valuesByPath.containsKey(prefix(segments, i))) {
                    parent = object;
                } else {
                    throw new IllegalStateException("result '" + path + "' lies inside result '" + prefix(segments, i) + "'");
                }
            }
            String leaf = segments[segments.length - 1];
            if (parent.has(leaf)) {
                throw new IllegalStateException("result '" + path + "' would replace results recorded under it");
            }
            parent.set(leaf, value);
        });
        return root;
    }

    /** The inverse of {@link #assemble}: every non-object value (and every empty object) under its dotted path. */
    static Map<String, JsonNode> flatten(JsonNode tree) {
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        flattenInto("", tree, flat);
        return flat;
    }

    private static void flattenInto(String prefix, JsonNode node, Map<String, JsonNode> flat) {
        if (node.isObject() && node.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flattenInto(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat);
            }
        } else if (!prefix.isEmpty()) {
            flat.put(prefix, node);
        }
    }

    private static String prefix(String[] segments, int lastIndex) {
        return String.join(".", java.util.Arrays.copyOf(segments, lastIndex + 1));
    }
}

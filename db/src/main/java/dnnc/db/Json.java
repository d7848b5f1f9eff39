package dnnc.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * JSON for the record store. Values are converted strictly (numbers, strings, booleans, enums, lists, arrays and
 * maps of those) so that an arbitrary object never reaches the records as whatever its getters happen to say.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** The JSON form of parameters, maps in their own order; {@code what} names the value in the error for an unsupported type. */
    static JsonNode toNode(Object value, String what) {
        return toNode(value, what, false);
    }

    /**
     * The JSON form of a recorded result or table cell, every map's entries (and set's elements) in the order of
     * their keys whatever order the map iterates in (a SortedMap or SortedSet keeps its own order): Map.of,
     * Map.copyOf and a HashMap of enums iterate in an order drawn per JVM (and a LinkedHashMap copied from one
     * inherits it), yet results.json must be the same bytes from any JVM, whichever plugin recorded the map.
     */
    static JsonNode recordedNode(Object value, String what) {
        return toNode(value, what, true);
    }

    private static JsonNode toNode(Object value, String what, boolean sortMaps) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        if (value instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        }
        if (value instanceof Number number) {
            return NODES.numberNode(number.doubleValue());
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Enum<?> constant) {
            return NODES.textNode(constant.name());
        }
        if (value instanceof Map<?, ?> map) {
            return sortMaps && !(map instanceof SortedMap) ? sortedObject(map, what) : object(map, what, sortMaps);
        }
        if (sortMaps && value instanceof Set<?> set && !(set instanceof SortedSet)) {
            return sortedArray(set, what);
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode();
            int index = 0;
            for (Object item : items) {
                array.add(toNode(item, what + "[" + index++ + "]", sortMaps));
            }
            return array;
        }
        if (value.getClass().isArray()) {
            ArrayNode array = NODES.arrayNode();
            int length = Array.getLength(value);
            for (int index = 0; index < length; index++) {
                array.add(toNode(Array.get(value, index), what + "[" + index + "]", sortMaps));
            }
            return array;
        }
        throw new IllegalArgumentException(what + " is a " + value.getClass().getName()
                + "; records hold numbers, strings, booleans, lists, arrays and maps of those");
    }

    private static ObjectNode object(Map<?, ?> map, String what, boolean sortMaps) {
        ObjectNode object = NODES.objectNode();
        map.forEach((key, item) -> object.set(String.valueOf(key), toNode(item, what + "." + key, sortMaps)));
        return object;
    }

    private static ObjectNode sortedObject(Map<?, ?> map, String what) {
        Map<String, Object> byKey = new TreeMap<>();
        map.forEach((key, item) -> {
            if (byKey.put(String.valueOf(key), item) != null) {
                throw new IllegalArgumentException(what + " has two keys written '" + key
                        + "'; a recorded map's keys must differ as text");
            }
        });
        ObjectNode object = NODES.objectNode();
        byKey.forEach((key, item) -> object.set(key, toNode(item, what + "." + key, true)));
        return object;
    }

    /** A set's elements as an array in their written order (a set's iteration order is as JVM-dependent as a map's). */
    private static ArrayNode sortedArray(Set<?> set, String what) {
        List<JsonNode> items = new ArrayList<>();
        for (Object item : set) {
            items.add(toNode(item, what + "[]", true));
        }
        items.sort(Comparator.comparing(Json::write));
        return NODES.arrayNode().addAll(items);
    }

    /** Finite numbers only: NaN and infinities have no place in a column that SQL compares. */
    static Double finiteNumber(JsonNode node) {
        if (!node.isNumber()) {
            return null;
        }
        double value = node.doubleValue();
        return Double.isFinite(value) ? value : null;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static String writePretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static JsonNode read(String text) {
        if (text == null) {
            return NODES.nullNode();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the record store holds malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Numbers compare by value (1 equals 1.0); everything else structurally. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a != null && b != null && a.isNumber() && b.isNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }
}

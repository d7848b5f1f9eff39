package dnnc.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;

/** JSON building blocks of the API. */
final class WebJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WebJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** UTC ISO-8601, so text order is time order; pages show it in the reader's time zone. */
    static JsonNode instant(OffsetDateTime time) {
        return time == null ? NODES.nullNode() : NODES.textNode(time.toInstant().toString());
    }
}

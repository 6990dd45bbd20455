package org.saphan.exchange.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data minimisation: copies out of an answer exactly the agreed field paths. A path releases its
 * subtree; a nested path releases only that leaf of its parent; arrays are transparent. The copy is
 * built from the allowed paths, so a field the agreement does not name cannot leak by being forgotten.
 */
public final class FieldRelease {

    private final Node allowed;

    public FieldRelease(Collection<String> releasedPaths) {
        this.allowed = new Node();
        for (String path : releasedPaths) {
            Node n = allowed;
            for (String part : path.split("\\.")) {
                n = n.children.computeIfAbsent(part, k -> new Node());
            }
            n.whole = true;
        }
    }

    /** The released copy of {@code data}, and the leaf paths actually present in it. */
    public Released apply(JsonNode data) {
        List<String> present = new ArrayList<>();
        JsonNode copy = copy(data, allowed, "", present);
        return new Released(copy == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) copy, List.copyOf(present));
    }

    private static JsonNode copy(JsonNode source, Node rule, String path, List<String> present) {
        if (rule.whole) {
            present.add(path);
            return source.deepCopy();
        }
        if (source.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            List<String> inner = new ArrayList<>();
            for (JsonNode element : source) {
                JsonNode kept = copy(element, rule, path, inner);
                if (kept != null) {
                    out.add(kept);
                }
            }
            inner.stream().distinct().forEach(present::add);
            return out;
        }
        if (!source.isObject()) {
            return null; // a scalar where the rule expects an object: release nothing of it
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, Node>> it = rule.children.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Node> child = it.next();
            JsonNode value = source.get(child.getKey());
            if (value == null || value.isNull()) {
                continue;
            }
            String childPath = path.isEmpty() ? child.getKey() : path + "." + child.getKey();
            JsonNode kept = copy(value, child.getValue(), childPath, present);
            if (kept != null && !(kept.isObject() && kept.isEmpty() && !child.getValue().whole)) {
                out.set(child.getKey(), kept);
            }
        }
        return out;
    }

    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        boolean whole;
    }

    public record Released(ObjectNode data, List<String> fields) {
    }
}

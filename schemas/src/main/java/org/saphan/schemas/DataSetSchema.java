package org.saphan.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled JSON Schema (draft 2020-12) of one data set of the standard: the request or the
 * response of a service. Compiled once when the catalog loads, never per request.
 */
public final class DataSetSchema {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final String name;
    private final JsonNode document;
    private final JsonSchema compiled;
    private final Set<String> fieldPaths;

    private DataSetSchema(String name, JsonNode document, JsonSchema compiled) {
        this.name = name;
        this.document = document;
        this.compiled = compiled;
        Set<String> paths = new LinkedHashSet<>();
        collectPaths(document, "", paths);
        this.fieldPaths = Set.copyOf(paths);
    }

    /** Compiles a schema document; {@code name} says where it came from, for start-up messages. */
    public static DataSetSchema compile(String name, JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException(name + ": a JSON Schema must be a JSON object");
        }
        JsonSchema schema = FACTORY.getSchema(document);
        schema.initializeValidators();
        return new DataSetSchema(name, document, schema);
    }

    public String name() {
        return name;
    }

    /** The schema document itself, as published in the catalog and the OpenAPI description. */
    public JsonNode document() {
        return document;
    }

    /**
     * Every field the schema declares, as dotted paths ({@code address}, {@code address.province}).
     * Arrays are transparent: the fields of an array's items continue the array's path.
     */
    public Set<String> fieldPaths() {
        return fieldPaths;
    }

    /** True when the schema declares no properties below this path (a leaf field). */
    public boolean isLeaf(String path) {
        String prefix = path + ".";
        return fieldPaths.stream().noneMatch(p -> p.startsWith(prefix));
    }

    private static void collectPaths(JsonNode schema, String prefix, Set<String> into) {
        JsonNode items = schema.get("items");
        if (items != null && items.isObject()) {
            collectPaths(items, prefix, into);
        }
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            into.add(path);
            collectPaths(property.getValue(), path, into);
        }
    }

    /**
     * Validates an instance. The messages name the failing location and rule, never the value found,
     * so they are safe to return to a caller and to log.
     */
    public List<String> violations(JsonNode instance) {
        Set<ValidationMessage> messages = compiled.validate(instance);
        return messages.stream()
                .map(m -> m.getInstanceLocation() + ": " + m.getType())
                .distinct()
                .sorted(Comparator.naturalOrder())
                .toList();
    }
}

package org.saphan.connectors.mapping;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** One line of a mapping: a standard field, the native field it comes from, and its conversion. */
final class FieldRule {

    private final String[] target;
    private final String targetName;
    private final JsonPointer from;
    private final ValueConversion conversion;
    private final Map<String, String> codes;

    private FieldRule(String targetName, JsonPointer from, ValueConversion conversion, Map<String, String> codes) {
        this.targetName = targetName;
        this.target = targetName.split("\\.");
        this.from = from;
        this.conversion = conversion;
        this.codes = codes;
    }

    /**
     * @param from     a native field name, or a JSON pointer starting with {@code /} for nested answers
     * @param convert  a conversion name (see {@link ValueConversion}); {@code text} when absent
     * @param codes    a native-code to standard-code list; a code not listed is a mapping error
     */
    record Spec(String from, String convert, Map<String, String> codes) {
    }

    static FieldRule of(String mappingName, String target, Spec spec) {
        if (spec == null || spec.from() == null || spec.from().isBlank()) {
            throw new IllegalArgumentException("mapping " + mappingName + ": field '" + target + "' has no 'from'");
        }
        ValueConversion conversion;
        try {
            conversion = ValueConversion.named(spec.convert());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mapping " + mappingName + ": field '" + target + "': " + e.getMessage());
        }
        JsonPointer pointer = JsonPointer.compile(spec.from().startsWith("/") ? spec.from() : "/" + spec.from());
        return new FieldRule(target, pointer, conversion, AnswerMapping.codes(spec.codes()));
    }

    void apply(JsonNode source, ObjectNode out) {
        JsonNode value = source.at(from);
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        String text = value.isValueNode() ? value.asText().trim() : null;
        if (text == null) {
            throw new AnswerMapping.MappingException("field '" + targetName + "' is not a plain value");
        }
        if (text.isEmpty()) {
            return; // legacy registries send "" for "unknown": the standard leaves the field out
        }
        if (!codes.isEmpty()) {
            String mapped = codes.get(text);
            if (mapped == null) {
                throw new AnswerMapping.MappingException("field '" + targetName + "' has a code the mapping does not list");
            }
            text = mapped;
        }
        String converted = conversion.convert(text, targetName);
        ObjectNode parent = out;
        for (int i = 0; i < target.length - 1; i++) {
            JsonNode child = parent.get(target[i]);
            parent = child instanceof ObjectNode o ? o : parent.putObject(target[i]);
        }
        if (conversion == ValueConversion.INTEGER) {
            long number = Long.parseLong(converted);
            if (number == (int) number) {
                parent.put(target[target.length - 1], (int) number); // as a JSON parser reads it back
            } else {
                parent.put(target[target.length - 1], number);
            }
        } else {
            parent.put(target[target.length - 1], converted);
        }
    }
}

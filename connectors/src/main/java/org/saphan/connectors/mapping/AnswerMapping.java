package org.saphan.connectors.mapping;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A declarative mapping from a provider's native answer to the standard's data set, read from a
 * YAML file per service: where the record is, which native result codes mean "found" and "not
 * found", and for each standard field the native field it comes from and how it is converted.
 * The mapping code knows no agency; the files do.
 *
 * <pre>
 * record: /DATA
 * outcome: {field: /RESULT_CODE, found: ["00"], notFound: ["04"]}
 * fields:
 *   birthDate: {from: BIRTH_DATE, convert: buddhist-date}
 *   gender:    {from: SEX, codes: {"1": male, "2": female}}
 *   address.province: {from: PROVINCE_DESC}
 * </pre>
 */
public final class AnswerMapping {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String name;
    private final JsonPointer record;
    private final JsonPointer outcomeField;
    private final Set<String> found;
    private final Set<String> notFound;
    private final List<FieldRule> rules;

    private AnswerMapping(String name, JsonPointer record, JsonPointer outcomeField, Set<String> found,
                          Set<String> notFound, List<FieldRule> rules) {
        this.name = name;
        this.record = record;
        this.outcomeField = outcomeField;
        this.found = found;
        this.notFound = notFound;
        this.rules = rules;
    }

    /** Reads and checks a mapping file; problems are reported with the file's name. */
    public static AnswerMapping read(String name, InputStream yaml) {
        Spec spec;
        try {
            spec = YAML.readValue(yaml, Spec.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("mapping " + name + " is not readable YAML of the mapping form");
        }
        if (spec == null || spec.fields() == null || spec.fields().isEmpty()) {
            throw new IllegalArgumentException("mapping " + name + " maps no fields");
        }
        List<FieldRule> rules = new ArrayList<>();
        spec.fields().forEach((target, rule) -> rules.add(FieldRule.of(name, target, rule)));
        Outcome outcome = spec.outcome();
        return new AnswerMapping(name,
                spec.record() == null ? JsonPointer.empty() : JsonPointer.compile(spec.record()),
                outcome == null || outcome.field() == null ? null : JsonPointer.compile(outcome.field()),
                outcome == null || outcome.found() == null ? Set.of() : Set.copyOf(outcome.found()),
                outcome == null || outcome.notFound() == null ? Set.of() : Set.copyOf(outcome.notFound()),
                List.copyOf(rules));
    }

    public String name() {
        return name;
    }

    /** True when the mapping names the native field that says whether the subject was found. */
    public boolean declaresOutcome() {
        return outcomeField != null;
    }

    /** What the native answer says happened, by its own result code (FOUND when it declares none). */
    public Outcome.Kind outcomeOf(JsonNode nativeAnswer) {
        if (outcomeField == null) {
            return Outcome.Kind.FOUND;
        }
        JsonNode code = nativeAnswer.at(outcomeField);
        String value = code.isValueNode() ? code.asText() : null;
        if (value != null && found.contains(value)) {
            return Outcome.Kind.FOUND;
        }
        if (value != null && notFound.contains(value)) {
            return Outcome.Kind.NOT_FOUND;
        }
        return Outcome.Kind.OTHER;
    }

    /**
     * Maps a native answer to the standard's data set.
     *
     * @throws MappingException when a value cannot be converted (the answer does not fit the standard)
     */
    public ObjectNode apply(JsonNode nativeAnswer) {
        JsonNode source = nativeAnswer.at(record);
        if (!source.isObject()) {
            throw new MappingException("the answer has no record at " + record);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (FieldRule rule : rules) {
            rule.apply(source, out);
        }
        return out;
    }

    record Spec(String record, Outcome outcome, LinkedHashMap<String, FieldRule.Spec> fields) {
    }

    /** How the native answer says whether the subject was found. */
    public record Outcome(String field, List<String> found, List<String> notFound) {
        public enum Kind { FOUND, NOT_FOUND, OTHER }
    }

    /** A value in the answer that the mapping cannot convert; the message names the field, never the value. */
    public static final class MappingException extends RuntimeException {
        public MappingException(String message) {
            super(message, null, false, false);
        }
    }

    static Map<String, String> codes(Map<String, String> codes) {
        return codes == null ? Map.of() : Map.copyOf(codes);
    }
}

package org.saphan.simulators.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/** A complete answer: status, content type and body bytes. */
public record SimulatorResponse(int status, String contentType, byte[] body) {

    public static final String JSON_UTF8 = "application/json; charset=utf-8";
    public static final String TEXT_UTF8 = "text/plain; charset=utf-8";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code value} (typically a LinkedHashMap, to keep the agency's field order) written as JSON. */
    public static SimulatorResponse json(int status, Object value) {
        try {
            return new SimulatorResponse(status, JSON_UTF8, JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static SimulatorResponse text(int status, String text) {
        return new SimulatorResponse(status, TEXT_UTF8, text.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

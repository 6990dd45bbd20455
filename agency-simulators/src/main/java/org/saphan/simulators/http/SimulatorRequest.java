package org.saphan.simulators.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** An incoming request, already read: method, path, decoded query parameters (first value wins) and body. */
public record SimulatorRequest(String method, String path, Map<String, String> query, byte[] body) {

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Query parameters with any form-encoded body parameters laid over them. */
    public Map<String, String> formAndQuery() {
        Map<String, String> merged = new java.util.LinkedHashMap<>(query);
        merged.putAll(FormEncoding.decode(bodyText()));
        return merged;
    }
}

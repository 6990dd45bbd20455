package org.saphan.connectors.rest;

import org.saphan.connectors.mapping.AnswerMapping;
import org.saphan.schemas.ServiceId;

import java.time.Duration;
import java.util.Map;

/** A service's REST connector settings, checked and compiled once. */
public record RestServiceSpec(
        ServiceId service,
        String baseUrl,
        String method,
        String path,
        Map<String, String> query,
        Duration timeout,
        AnswerMapping mapping) {
}

package org.saphan.connectors.rest;

import org.saphan.connectors.mapping.AnswerMapping;
import org.saphan.connectors.resilience.CallPolicy;
import org.saphan.connectors.resilience.ProviderTls;
import org.saphan.schemas.ServiceId;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A service's REST connector settings, checked and compiled once. */
public record RestServiceSpec(
        ServiceId service,
        String baseUrl,
        String method,
        String path,
        Map<String, String> query,
        Duration timeout,
        AnswerMapping mapping,
        int poolSize,
        Optional<ProviderTls> tls,
        CallPolicy policy) {

    public static final int DEFAULT_POOL_SIZE = 20;
}

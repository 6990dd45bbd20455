package org.saphan.connectors.rest;

import com.nimbusds.jose.jwk.JWKSet;
import org.saphan.connectors.mapping.AnswerMapping;
import org.saphan.schemas.ServiceId;

import java.time.Duration;
import java.util.Map;

/** A service's REST connector settings, checked and compiled once; {@code providerKeys} may be null. */
public record RestServiceSpec(
        ServiceId service,
        String baseUrl,
        String method,
        String path,
        Map<String, String> query,
        Duration timeout,
        AnswerMapping mapping,
        JWKSet providerKeys) {

    /** True when the provider signs its answers and the hub must check them. */
    public boolean answersAreSigned() {
        return providerKeys != null;
    }
}

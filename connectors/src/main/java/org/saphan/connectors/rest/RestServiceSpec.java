package org.saphan.connectors.rest;

import com.nimbusds.jose.jwk.JWKSet;
import org.saphan.connectors.mapping.AnswerMapping;
import org.saphan.connectors.resilience.CallPolicy;
import org.saphan.connectors.resilience.ProviderTls;
import org.saphan.schemas.ServiceId;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A service's REST connector settings, checked and compiled once; {@code providerKeys} may be null. */
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
        CallPolicy policy,
        JWKSet providerKeys) {

    public static final int DEFAULT_POOL_SIZE = 20;

    /** True when the provider signs its answers and the hub must check them. */
    public boolean answersAreSigned() {
        return providerKeys != null;
    }
}

package org.saphan.connectors.soap;

import org.saphan.connectors.mapping.AnswerMapping;
import org.saphan.connectors.resilience.CallPolicy;
import org.saphan.connectors.resilience.ProviderTls;
import org.saphan.schemas.ServiceId;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A service's SOAP connector settings, checked and compiled once. */
public record SoapServiceSpec(
        ServiceId service,
        String address,
        SoapOperation<?> operation,
        Map<String, String> request,
        Duration timeout,
        AnswerMapping mapping,
        Optional<ProviderTls> tls,
        CallPolicy policy) {
}

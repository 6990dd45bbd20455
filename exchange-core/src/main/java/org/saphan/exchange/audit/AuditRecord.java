package org.saphan.exchange.audit;

import java.time.Instant;
import java.util.List;

/**
 * One line of the access log: who asked for what about whom, why, under which legal basis, and what
 * the hub decided. The subject is a keyed hash, never a citizen ID.
 *
 * @param decision          {@code permit} or {@code deny}
 * @param reasonCode        {@code ok} for a release, else the standard's problem code
 * @param providerLatencyMs -1 when the provider was not called
 */
public record AuditRecord(
        String exchangeId,
        String requestId,
        Instant recordedAt,
        String hubNode,
        String consumer,
        String officer,
        String service,
        String subjectRef,
        String purpose,
        String legalBasis,
        String legalReference,
        String consentId,
        String decision,
        String reasonCode,
        int httpStatus,
        List<String> fieldsReleased,
        int providerLatencyMs,
        String correlationId) {

    public static final String PERMIT = "permit";
    public static final String DENY = "deny";
    public static final String OK = "ok";
}

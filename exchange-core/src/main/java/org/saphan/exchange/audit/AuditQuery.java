package org.saphan.exchange.audit;

import java.time.Instant;

/**
 * An auditor's filter over the access log; null fields do not filter. {@code subjectRef} is the keyed
 * hash of the citizen ID asked about, never the ID.
 *
 * @param from inclusive
 * @param to   exclusive
 */
public record AuditQuery(String subjectRef, String consumer, String service, String officer, String decision,
                         String legalBasis, Instant from, Instant to) {

    public static AuditQuery bySubject(String subjectRef) {
        return new AuditQuery(subjectRef, null, null, null, null, null, null, null);
    }
}

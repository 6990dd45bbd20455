package org.saphan.exchange.audit;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;

/**
 * The access log in the hub's database, one committed insert per record. (The chained, group-committed
 * log replaces this writer; the table and the {@link AuditLog} contract stay.)
 */
public final class JdbcAuditLog implements AuditLog {

    private static final String INSERT = """
            INSERT INTO audit_record (exchange_id, request_id, recorded_at, hub_node, consumer, officer, service,
              subject_ref, purpose, legal_basis, legal_reference, consent_id, decision, reason_code, http_status,
              fields_released, provider_latency_ms, correlation_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    public JdbcAuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AuditRecord r) {
        try {
            jdbc.update(INSERT, r.exchangeId(), r.requestId(), Timestamp.from(r.recordedAt()), r.hubNode(),
                    r.consumer(), r.officer(), r.service(), r.subjectRef(), r.purpose(), r.legalBasis(),
                    r.legalReference(), r.consentId(), r.decision(), r.reasonCode(), r.httpStatus(),
                    String.join(",", r.fieldsReleased()), r.providerLatencyMs(), r.correlationId());
        } catch (DataAccessException e) {
            throw new AuditUnavailableException("audit record could not be written", e);
        }
    }
}

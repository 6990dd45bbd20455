package org.saphan.exchange.route;

import org.saphan.exchange.audit.AuditLog;
import org.saphan.exchange.audit.AuditRecord;
import org.saphan.security.secrets.SubjectReferences;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Turns what an exchange established into its access-log record, and writes it. */
public final class AuditTrail {

    private final AuditLog log;
    private final SubjectReferences subjects;
    private final Clock clock;
    private final String hubNode;

    public AuditTrail(AuditLog log, SubjectReferences subjects, Clock clock, String hubNode) {
        this.log = log;
        this.subjects = subjects;
        this.clock = clock;
        this.hubNode = hubNode;
    }

    /** Writes the record of a release; returns only once it is durable. */
    public void permit(ExchangeState state) {
        log.record(record(state, AuditRecord.PERMIT, AuditRecord.OK, 200, state.releasedFields()));
    }

    /** Writes the record of a refusal. */
    public void deny(ExchangeState state, String code, int status) {
        log.record(record(state, AuditRecord.DENY, code, status, List.of()));
    }

    private AuditRecord record(ExchangeState s, String decision, String code, int status, List<String> fields) {
        return new AuditRecord(
                s.exchangeId(),
                s.requestId(),
                clock.instant(),
                hubNode,
                s.client() == null ? null : s.client().id().toString(),
                s.officerId(),
                s.service() == null ? null : s.service().id().toString(),
                s.subject() == null ? null : subjects.of(s.subject().digits()),
                s.purpose(),
                s.legalBasis() == null ? null : s.legalBasis().code(),
                s.legalReference(),
                s.consentId(),
                decision,
                code,
                status,
                fields,
                s.providerNanos() < 0 ? -1 : (int) TimeUnit.NANOSECONDS.toMillis(s.providerNanos()),
                s.correlationId());
    }
}

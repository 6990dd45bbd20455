package org.saphan.exchange.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.exchange.audit.AuditLog;
import org.saphan.schemas.ProblemCode;

/**
 * Step 12: the access-log record is durable before the answer leaves. If it cannot be written the
 * consumer gets {@code hub-unavailable} and no data.
 */
public final class RecordAudit implements Processor {

    private final AuditTrail trail;

    public RecordAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void process(Exchange exchange) {
        ExchangeState state = ExchangeSteps.state(exchange);
        try {
            trail.permit(state);
        } catch (AuditLog.AuditUnavailableException e) {
            state.setAnswer(null); // the data must not leave
            throw new ExchangeRefusal(ProblemCode.HUB_UNAVAILABLE,
                    "The access log cannot be written, so no data is released. Try again later.");
        }
    }
}

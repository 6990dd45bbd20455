package org.saphan.exchange.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.exchange.audit.AuditLog;
import org.saphan.exchange.problem.Problems;
import org.saphan.schemas.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where every refusal ends: the problem+json answer, the audit record of the refusal, the count.
 * An unexpected failure is answered as {@code hub-unavailable} (never a 500 or a stack trace) and
 * logged by class and exchange id only: exception messages can quote personal data.
 */
public final class AnswerRefusal implements Processor {

    public static final String RETRY_AFTER = "Retry-After";

    private static final Logger LOG = LoggerFactory.getLogger(AnswerRefusal.class);
    private static final Set<ProblemCode> PROVIDER_FAILURES =
            EnumSet.of(ProblemCode.PROVIDER_ERROR, ProblemCode.PROVIDER_UNAVAILABLE, ProblemCode.PROVIDER_TIMEOUT);

    private final AuditTrail trail;
    private final CountExchange counter;
    private final SignAnswer signer;

    public AnswerRefusal(AuditTrail trail, CountExchange counter, SignAnswer signer) {
        this.trail = trail;
        this.counter = counter;
        this.signer = signer;
    }

    @Override
    public void process(Exchange exchange) {
        ExchangeState state = ExchangeSteps.state(exchange);
        CallProvider.finish(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ExchangeRefusal refusal;
        if (cause instanceof ExchangeRefusal r) {
            refusal = r;
        } else {
            LOG.error("unexpected failure: exchange={} error={} at={}", state.exchangeId(),
                    cause == null ? "none" : cause.getClass().getName(), firstFrame(cause));
            refusal = new ExchangeRefusal(ProblemCode.HUB_UNAVAILABLE, "The hub could not complete the exchange. Try again later.");
        }
        ProblemCode code = refusal.code();
        String detail = refusal.detail();
        if (PROVIDER_FAILURES.contains(code)) {
            // operators follow provider outages by these lines; the service id is from the catalog, safe to log
            LOG.warn("provider call failed: exchange={} service={} outcome={}", state.exchangeId(),
                    state.service() == null ? "unknown" : state.service().id(), code.code());
        }
        try {
            trail.deny(state, code.code(), code.status());
        } catch (AuditLog.AuditUnavailableException e) {
            LOG.error("audit unavailable for refusal: exchange={}", state.exchangeId());
            code = ProblemCode.HUB_UNAVAILABLE;
            detail = "The access log cannot be written. Try again later.";
        }
        Map<String, String> headers = code == refusal.code() && refusal.retryAfterSeconds() != null
                ? Map.of(ComposeAnswer.EXCHANGE_ID_HEADER, state.exchangeId(), RETRY_AFTER, refusal.retryAfterSeconds().toString())
                : Map.of(ComposeAnswer.EXCHANGE_ID_HEADER, state.exchangeId());
        ExchangeAnswer problem = new ExchangeAnswer(code.status(), ExchangeAnswer.PROBLEM_JSON, headers,
                Problems.body(code, detail, state.exchangeId()));
        try {
            problem = signer.signed(problem, state.exchangeId()); // refusals are signed too
        } catch (RuntimeException e) {
            LOG.error("refusal left unsigned, signing key unusable: exchange={}", state.exchangeId());
        }
        state.setAnswer(problem);
        counter.count(state, code.code());
    }

    private static String firstFrame(Throwable t) {
        if (t == null || t.getStackTrace().length == 0) {
            return "?";
        }
        StackTraceElement e = t.getStackTrace()[0];
        return e.getClassName() + ":" + e.getLineNumber();
    }
}

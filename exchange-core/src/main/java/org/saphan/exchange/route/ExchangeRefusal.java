package org.saphan.exchange.route;

import org.saphan.schemas.ProblemCode;

/**
 * A step of the exchange refuses the request with one of the standard's codes. The detail is
 * returned to the caller, so it is always a fixed sentence written by the hub: never the request's
 * values, never personal data. No stack trace is captured (refusals are normal, frequent outcomes).
 */
public class ExchangeRefusal extends RuntimeException {

    private final transient ProblemCode code;
    private final Long retryAfterSeconds;

    public ExchangeRefusal(ProblemCode code, String detail) {
        this(code, detail, null);
    }

    /** A refusal the caller may retry after some seconds (answered with {@code Retry-After}). */
    public ExchangeRefusal(ProblemCode code, String detail, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until a retry can succeed, or null when unknown. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ProblemCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}

package org.saphan.exchange.web;

import org.saphan.schemas.ProblemCode;

/** A refusal from an endpoint outside the exchange route (token, catalog, operator APIs). */
public class ProblemException extends RuntimeException {

    private final transient ProblemCode code;
    private final long retryAfterSeconds;

    public ProblemException(ProblemCode code, String detail) {
        this(code, detail, -1);
    }

    /** A refusal the caller may retry after the given number of seconds (sent as Retry-After). */
    public ProblemException(ProblemCode code, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds for Retry-After, or a negative number when there is none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ProblemCode code() {
        return code;
    }
}

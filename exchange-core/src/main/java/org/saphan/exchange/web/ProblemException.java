package org.saphan.exchange.web;

import org.saphan.schemas.ProblemCode;

/** A refusal from an endpoint outside the exchange route (token, catalog, operator APIs). */
public class ProblemException extends RuntimeException {

    private final transient ProblemCode code;

    public ProblemException(ProblemCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }
}

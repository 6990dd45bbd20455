package org.saphan.exchange.policy;

import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ProblemCode;

/**
 * The engine's answer: permit, or deny with one of the standard's codes and a fixed sentence (never
 * a value from the request).
 *
 * @param legalBasis     the basis the release rests on (null for a public data set)
 * @param legalReference the law behind an s.24(4), s.24(6) or s.26 exception release, for the access log
 * @param consentId      the consent record relied on, whose use the caller counts
 */
public record PolicyDecision(boolean permitted, ProblemCode reason, String detail,
                             LegalBasis legalBasis, String legalReference, String consentId) {

    public static PolicyDecision permit(LegalBasis basis, String legalReference, String consentId) {
        return new PolicyDecision(true, null, null, basis, legalReference, consentId);
    }

    public static PolicyDecision deny(ProblemCode reason, String detail) {
        return new PolicyDecision(false, reason, detail, null, null, null);
    }

    /** The reason code as the access log and the wire write it ({@code ok} for a permit). */
    public String reasonCode() {
        return permitted ? "ok" : reason.code();
    }
}

package org.saphan.exchange.policy;

import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.consent.ConsentRecord;
import org.saphan.exchange.consent.ConsentStatus;
import org.saphan.schemas.FieldClass;
import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ProblemCode;

import java.util.EnumSet;
import java.util.Set;

/**
 * Decides whether a request may be answered under PDPA B.E. 2562: purpose, legal basis (s.19, s.24,
 * s.26), consent record. Plain Java: no Camel, no HTTP, no store; the caller gathers the inputs. Every
 * branch that cannot be proven ends in a denial (fail closed).
 */
public final class PolicyEngine {

    /** Bases whose release rests on a law the agreement must name (the catalog checks it too). */
    static final Set<LegalBasis> NEED_LEGAL_REFERENCE =
            EnumSet.of(LegalBasis.PDPA_24_4, LegalBasis.PDPA_24_6, LegalBasis.PDPA_26_5);

    public PolicyDecision decide(PolicyRequest request) {
        Agreement agreement = request.agreement();
        if (!agreement.allowsPurpose(request.purpose())) {
            return PolicyDecision.deny(ProblemCode.PURPOSE_NOT_ALLOWED,
                    "The agreement does not allow this service to be used for this purpose.");
        }
        if (request.releasedFieldClasses().isEmpty()) {
            return PolicyDecision.deny(ProblemCode.ACCESS_DENIED, "The agreement releases no field.");
        }
        boolean personal = request.releasedFieldClasses().values().stream().anyMatch(c -> c != FieldClass.PUBLIC);
        if (!personal) {
            // no personal data leaves the hub: the PDPA asks for no legal basis
            return PolicyDecision.permit(null, null, null);
        }
        LegalBasis basis = request.legalBasis();
        if (basis == null) {
            return PolicyDecision.deny(ProblemCode.INVALID_REQUEST,
                    "X-Legal-Basis must be one of the standard's legal-basis codes.");
        }
        if (!agreement.allowsLegalBasis(basis)) {
            return PolicyDecision.deny(ProblemCode.LEGAL_BASIS_NOT_ALLOWED,
                    "The agreement does not allow this legal basis for this service.");
        }
        boolean sensitive = request.releasedFieldClasses().containsValue(FieldClass.SENSITIVE);
        if (sensitive && !basis.coversSensitiveData()) {
            // s.26: refused as a whole, not released without the sensitive fields
            return PolicyDecision.deny(ProblemCode.EXPLICIT_CONSENT_REQUIRED,
                    "The agreed fields include sensitive data (PDPA s.26): explicit consent or an s.26 exception is required.");
        }
        if (basis.needsConsentRecord()) {
            return decideOnConsent(request, basis);
        }
        String reference = blankToNull(agreement.legalReference());
        if (NEED_LEGAL_REFERENCE.contains(basis) && reference == null) {
            return PolicyDecision.deny(ProblemCode.LEGAL_BASIS_NOT_ALLOWED,
                    "The agreement names no law for this legal basis.");
        }
        return PolicyDecision.permit(basis, reference, null);
    }

    private static PolicyDecision decideOnConsent(PolicyRequest request, LegalBasis basis) {
        if (request.consentId() == null || request.consentId().isBlank()) {
            return PolicyDecision.deny(ProblemCode.CONSENT_REQUIRED, "This legal basis needs X-Consent-Id.");
        }
        ConsentLookup lookup = request.consent();
        if (lookup == null || lookup.outcome() == ConsentLookup.Outcome.STORE_UNAVAILABLE
                || lookup.outcome() == ConsentLookup.Outcome.NOT_ASKED) {
            return PolicyDecision.deny(ProblemCode.HUB_UNAVAILABLE,
                    "The consent registry cannot be read, so nothing is released.");
        }
        if (lookup.outcome() == ConsentLookup.Outcome.NOT_FOUND) {
            return invalid("No consent record has this id.");
        }
        ConsentRecord consent = lookup.record();
        if (request.subjectRef() == null || !request.subjectRef().equals(consent.subjectRef())) {
            return invalid("The consent record was given by another data subject.");
        }
        if (!request.consumerAgency().equals(consent.consumerAgency())) {
            return invalid("The consent record was given to another agency.");
        }
        if (!consent.purposes().contains(request.purpose())) {
            return invalid("The consent record does not cover this purpose.");
        }
        if (!consent.covers(request.agreement().service().toString(), request.serviceCategories())) {
            return invalid("The consent record does not cover this service or its data categories.");
        }
        ConsentStatus status = consent.statusAt(request.at());
        if (status == ConsentStatus.WITHDRAWN) {
            return invalid("The consent has been withdrawn.");
        }
        if (status == ConsentStatus.EXPIRED) {
            return invalid("The consent has expired.");
        }
        if (request.at().isBefore(consent.givenAt())) {
            return invalid("The consent was not yet given at the time of the request.");
        }
        if (basis == LegalBasis.EXPLICIT_CONSENT && !consent.explicit()) {
            return PolicyDecision.deny(ProblemCode.EXPLICIT_CONSENT_REQUIRED,
                    "The consent record is not an explicit consent (PDPA s.26).");
        }
        return PolicyDecision.permit(basis, null, consent.id());
    }

    private static PolicyDecision invalid(String detail) {
        return PolicyDecision.deny(ProblemCode.CONSENT_INVALID, detail);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package org.saphan.exchange.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.exchange.catalog.Agreement;
import org.saphan.schemas.Identifiers;
import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ProblemCode;

/**
 * Step 5: the declared purpose and legal basis are ones the agreement allows. A legal basis that
 * rests on a consent record needs {@code X-Consent-Id}; this hub keeps no consent registry yet, so
 * such a request cannot be checked and is refused (fail closed), never released.
 */
public final class CheckPurposeAndLegalBasis implements Processor {

    @Override
    public void process(Exchange exchange) {
        ExchangeState state = ExchangeSteps.state(exchange);
        Agreement agreement = state.agreement();
        String purpose = state.inbound().header(InboundRequest.PURPOSE);
        if (!Identifiers.isPurpose(purpose)) {
            throw new ExchangeRefusal(ProblemCode.INVALID_REQUEST, "X-Purpose must name a purpose code from the catalog.");
        }
        state.purpose = purpose;
        if (!agreement.allowsPurpose(purpose)) {
            throw new ExchangeRefusal(ProblemCode.PURPOSE_NOT_ALLOWED,
                    "The agreement does not allow this service to be used for this purpose.");
        }
        String basisCode = state.inbound().header(InboundRequest.LEGAL_BASIS);
        if (basisCode == null && state.service().isPublicDataSet()) {
            return; // open data needs no legal basis
        }
        LegalBasis basis = LegalBasis.fromCode(basisCode).orElseThrow(() -> new ExchangeRefusal(
                ProblemCode.INVALID_REQUEST, "X-Legal-Basis must be one of the standard's legal-basis codes."));
        state.legalBasis = basis;
        if (!agreement.allowsLegalBasis(basis)) {
            throw new ExchangeRefusal(ProblemCode.LEGAL_BASIS_NOT_ALLOWED,
                    "The agreement does not allow this legal basis for this service.");
        }
        if (basis.needsConsentRecord()) {
            String consentId = state.inbound().header(InboundRequest.CONSENT_ID);
            if (consentId == null || consentId.isBlank()) {
                throw new ExchangeRefusal(ProblemCode.CONSENT_REQUIRED, "This legal basis needs X-Consent-Id.");
            }
            state.consentId = consentId.length() <= 40 ? consentId : null;
            throw new ExchangeRefusal(ProblemCode.CONSENT_INVALID,
                    "The consent record cannot be checked by this hub, so nothing is released.");
        }
    }
}

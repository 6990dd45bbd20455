package org.saphan.exchange.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.exchange.consent.ConsentRegistry;
import org.saphan.exchange.metering.ExchangeMeter;
import org.saphan.exchange.policy.ConsentLookup;
import org.saphan.exchange.policy.PolicyDecision;
import org.saphan.exchange.policy.PolicyEngine;
import org.saphan.exchange.policy.PolicyRequest;
import org.saphan.exchange.policy.ReleasedData;
import org.saphan.schemas.Identifiers;
import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ProblemCode;
import org.saphan.security.secrets.SubjectReferences;

import java.time.Clock;

/**
 * The PDPA decision: gathers purpose, legal basis, the classes of the fields the agreement would
 * release and the consent record, asks the {@link PolicyEngine}, and refuses on a denial. Runs after
 * the request is validated, because a consent is checked against the request's subject.
 */
public final class DecidePolicy implements Processor {

    /** Longer values are no consent id of this hub; they are never looked up nor logged. */
    private static final int MAX_CONSENT_ID = 40;

    private final PolicyEngine engine;
    private final ConsentRegistry consents;
    private final SubjectReferences subjects;
    private final Clock clock;
    private final ExchangeMeter meter;

    public DecidePolicy(PolicyEngine engine, ConsentRegistry consents, SubjectReferences subjects, Clock clock,
                        ExchangeMeter meter) {
        this.engine = engine;
        this.consents = consents;
        this.subjects = subjects;
        this.clock = clock;
        this.meter = meter;
    }

    @Override
    public void process(Exchange exchange) {
        ExchangeState state = ExchangeSteps.state(exchange);
        String purpose = state.inbound().header(InboundRequest.PURPOSE);
        if (!Identifiers.isPurpose(purpose)) {
            throw new ExchangeRefusal(ProblemCode.INVALID_REQUEST, "X-Purpose must name a purpose code from the catalog.");
        }
        state.purpose = purpose;
        String basisCode = state.inbound().header(InboundRequest.LEGAL_BASIS);
        LegalBasis basis = null;
        if (basisCode != null) {
            basis = LegalBasis.fromCode(basisCode).orElseThrow(() -> new ExchangeRefusal(
                    ProblemCode.INVALID_REQUEST, "X-Legal-Basis must be one of the standard's legal-basis codes."));
        }
        state.legalBasis = basis;
        String consentId = state.inbound().header(InboundRequest.CONSENT_ID);
        if (consentId != null && consentId.isBlank()) {
            consentId = null;
        }
        state.consentId = consentId != null && consentId.length() <= MAX_CONSENT_ID ? consentId : null;
        String subjectRef = state.subject() == null ? null : subjects.of(state.subject().digits());

        PolicyDecision decision = engine.decide(new PolicyRequest(state.agreement(), state.service().dataCategories(),
                ReleasedData.classes(state.agreement(), state.service()), purpose, basis, consentId,
                lookUp(basis, consentId), subjectRef, clock.instant()));
        meter.policyDecision(decision);
        if (!decision.permitted()) {
            throw new ExchangeRefusal(decision.reason(), decision.detail());
        }
        state.legalReference = decision.legalReference();
        if (decision.consentId() != null) {
            try {
                consents.recordUse(decision.consentId());
            } catch (RuntimeException e) {
                // a use that cannot be counted is a release that cannot be accounted for: refuse
                throw new ExchangeRefusal(ProblemCode.HUB_UNAVAILABLE, "The consent registry cannot be written, so nothing is released.");
            }
        }
    }

    private ConsentLookup lookUp(LegalBasis basis, String consentId) {
        if (basis == null || !basis.needsConsentRecord() || consentId == null) {
            return ConsentLookup.notAsked();
        }
        if (consentId.length() > MAX_CONSENT_ID) {
            return ConsentLookup.notFound();
        }
        try {
            return consents.find(consentId).map(ConsentLookup::found).orElseGet(ConsentLookup::notFound);
        } catch (RuntimeException e) {
            return ConsentLookup.storeUnavailable(); // fail closed: the engine answers hub-unavailable
        }
    }
}

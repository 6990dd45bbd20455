package org.saphan.exchange.policy;

import org.saphan.exchange.catalog.Agreement;
import org.saphan.schemas.FieldClass;
import org.saphan.schemas.LegalBasis;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Everything the policy engine weighs for one request.
 *
 * @param serviceCategories    the service's data categories (for consents given by category)
 * @param releasedFieldClasses the class of each field the agreement would release
 * @param legalBasis           the basis claimed, or null when none was claimed
 * @param consentId            {@code X-Consent-Id}, or null
 * @param subjectRef           the keyed reference of the request's subject, or null for requests about no person
 */
public record PolicyRequest(
        Agreement agreement,
        Set<String> serviceCategories,
        Map<String, FieldClass> releasedFieldClasses,
        String purpose,
        LegalBasis legalBasis,
        String consentId,
        ConsentLookup consent,
        String subjectRef,
        Instant at) {

    public PolicyRequest {
        serviceCategories = Set.copyOf(serviceCategories);
        releasedFieldClasses = Map.copyOf(releasedFieldClasses);
    }

    /** The consumer system's agency: consent is given to an agency, not to one of its systems. */
    public String consumerAgency() {
        String consumer = agreement.consumer();
        return consumer.substring(0, consumer.indexOf('/'));
    }
}

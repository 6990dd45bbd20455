package org.saphan.exchange.consent;

import java.time.Instant;
import java.util.Set;

/**
 * A data subject's consent (PDPA s.19), or explicit consent (s.26), given to one consumer agency.
 * The subject is held only as its keyed reference (see SubjectReferences), never as a citizen ID.
 *
 * @param services       service ids (PROVIDER/code/vN) the consent covers
 * @param dataCategories data categories the consent covers; a service is covered when all of its categories are
 * @param expiresAt      null: until withdrawn
 * @param storedStatus   the status as stored (given or withdrawn); {@link #statusAt} adds expiry
 */
public record ConsentRecord(
        String id,
        String subjectRef,
        String consumerAgency,
        Set<String> purposes,
        Set<String> services,
        Set<String> dataCategories,
        boolean explicit,
        Instant givenAt,
        Instant expiresAt,
        ConsentStatus storedStatus,
        Instant withdrawnAt,
        String collectionMethod,
        String noticeReference,
        String noticeVersion,
        long useCount) {

    public ConsentRecord {
        purposes = Set.copyOf(purposes);
        services = Set.copyOf(services);
        dataCategories = Set.copyOf(dataCategories);
    }

    /** The status at {@code now}: a given record whose end has come is expired. */
    public ConsentStatus statusAt(Instant now) {
        if (storedStatus == ConsentStatus.GIVEN && expiresAt != null && !now.isBefore(expiresAt)) {
            return ConsentStatus.EXPIRED;
        }
        return storedStatus;
    }

    /** True when the consent names this service, or every data category the service holds. */
    public boolean covers(String serviceId, Set<String> serviceCategories) {
        if (services.contains(serviceId)) {
            return true;
        }
        return !serviceCategories.isEmpty() && dataCategories.containsAll(serviceCategories);
    }

    @Override
    public String toString() {
        return "ConsentRecord[" + id + ", " + storedStatus.code() + "]";
    }
}

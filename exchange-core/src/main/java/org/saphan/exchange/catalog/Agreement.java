package org.saphan.exchange.catalog;

import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ServiceId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A data sharing agreement: binds one consumer system to one service, for some purposes, under some
 * legal bases, releasing only the listed response fields, between two dates, within quotas.
 * No agreement, no access.
 *
 * @param legalReference the act and section giving the mandate (required for s.24(4) and s.24(6))
 * @param releasedFields dotted paths; a path releases its whole subtree
 * @param embargoUntil   entries under this agreement stay hidden from the subject's own view until this day
 * @param retention      how long the consumer may keep the data (for the record of processing)
 */
public record Agreement(
        String id,
        String consumer,
        ServiceId service,
        Set<String> purposes,
        Set<LegalBasis> legalBases,
        String legalReference,
        List<String> releasedFields,
        LocalDate validFrom,
        LocalDate validUntil,
        Quota quota,
        LocalDate embargoUntil,
        String retention) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    public boolean allowsPurpose(String purpose) {
        return purposes.contains(purpose);
    }

    public boolean allowsLegalBasis(LegalBasis basis) {
        return legalBases.contains(basis);
    }

    /**
     * The agreement's one purpose, for callers that cannot name one (the GDX face, the parts of a composite
     * service); empty when it lists several, so nothing is guessed.
     */
    public Optional<String> solePurpose() {
        return purposes.size() == 1 ? Optional.of(purposes.iterator().next()) : Optional.empty();
    }

    /** The agreement's one legal basis, for callers that cannot name one; empty when it lists several. */
    public Optional<LegalBasis> soleLegalBasis() {
        return legalBases.size() == 1 ? Optional.of(legalBases.iterator().next()) : Optional.empty();
    }

    /** Calls allowed per minute and per day; null means no limit of that kind. */
    public record Quota(Integer perMinute, Integer perDay) {
    }
}

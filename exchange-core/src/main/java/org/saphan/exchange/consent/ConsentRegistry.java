package org.saphan.exchange.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The consent registry. Every method throws {@link ConsentStoreUnavailableException} when the store
 * cannot be reached, so that no caller mistakes "unreadable" for "absent".
 */
public interface ConsentRegistry {

    /** Stores a new record (status given) and its first history entry. */
    void give(ConsentRecord record, String actor);

    Optional<ConsentRecord> find(String id);

    /** Marks the record withdrawn from {@code at}; the history keeps the giving. False when already withdrawn. */
    boolean withdraw(String id, Instant at, String actor);

    /** Counts one release under the record. */
    void recordUse(String id);

    List<ConsentEvent> history(String id);
}

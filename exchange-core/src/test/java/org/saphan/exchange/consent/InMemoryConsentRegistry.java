package org.saphan.exchange.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A consent registry for tests without a database; {@link #broken} makes it fail like an unreachable store. */
public final class InMemoryConsentRegistry implements ConsentRegistry {

    private final Map<String, ConsentRecord> records = new LinkedHashMap<>();
    private final Map<String, List<ConsentEvent>> history = new LinkedHashMap<>();
    public boolean broken;

    @Override
    public synchronized void give(ConsentRecord record, String actor) {
        check();
        records.put(record.id(), record);
        history.computeIfAbsent(record.id(), k -> new ArrayList<>())
                .add(new ConsentEvent("given", ConsentStatus.GIVEN, record.givenAt(), actor));
    }

    @Override
    public synchronized Optional<ConsentRecord> find(String id) {
        check();
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized boolean withdraw(String id, Instant at, String actor) {
        check();
        ConsentRecord r = records.get(id);
        if (r == null || r.storedStatus() != ConsentStatus.GIVEN) {
            return false;
        }
        records.put(id, new ConsentRecord(r.id(), r.subjectRef(), r.consumerAgency(), r.purposes(), r.services(),
                r.dataCategories(), r.explicit(), r.givenAt(), r.expiresAt(), ConsentStatus.WITHDRAWN, at,
                r.collectionMethod(), r.noticeReference(), r.noticeVersion(), r.useCount()));
        history.get(id).add(new ConsentEvent("withdrawn", ConsentStatus.WITHDRAWN, at, actor));
        return true;
    }

    @Override
    public synchronized void recordUse(String id) {
        check();
        ConsentRecord r = records.get(id);
        records.put(id, new ConsentRecord(r.id(), r.subjectRef(), r.consumerAgency(), r.purposes(), r.services(),
                r.dataCategories(), r.explicit(), r.givenAt(), r.expiresAt(), r.storedStatus(), r.withdrawnAt(),
                r.collectionMethod(), r.noticeReference(), r.noticeVersion(), r.useCount() + 1));
    }

    @Override
    public synchronized List<ConsentEvent> history(String id) {
        check();
        return List.copyOf(history.getOrDefault(id, List.of()));
    }

    private void check() {
        if (broken) {
            throw new ConsentStoreUnavailableException("consent store unavailable", null);
        }
    }
}

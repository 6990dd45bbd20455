package org.saphan.exchange.consent;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The consent registry in the hub's database (tables of migration V3). */
public final class JdbcConsentRegistry implements ConsentRegistry {

    private static final String COLUMNS = "id, subject_ref, consumer_agency, purposes, services, data_categories, "
            + "explicit_consent, given_at, expires_at, status, withdrawn_at, collection_method, notice_reference, "
            + "notice_version, use_count";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcConsentRegistry(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void give(ConsentRecord r, String actor) {
        guarded(() -> transactions.execute(tx -> {
            jdbc.update("INSERT INTO consent_record (" + COLUMNS + ", given_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.id(), r.subjectRef(), r.consumerAgency(), join(r.purposes()), join(r.services()),
                    join(r.dataCategories()), r.explicit(), ts(r.givenAt()), ts(r.expiresAt()), r.storedStatus().code(),
                    ts(r.withdrawnAt()), r.collectionMethod(), r.noticeReference(), r.noticeVersion(), r.useCount(), actor);
            event(r.id(), "given", ConsentStatus.GIVEN, r.givenAt(), actor);
            return null;
        }));
    }

    @Override
    public Optional<ConsentRecord> find(String id) {
        return guarded(() -> jdbc.query("SELECT " + COLUMNS + " FROM consent_record WHERE id = ?", this::row, id)
                .stream().findFirst());
    }

    @Override
    public boolean withdraw(String id, Instant at, String actor) {
        return Boolean.TRUE.equals(guarded(() -> transactions.execute(tx -> {
            int changed = jdbc.update("UPDATE consent_record SET status = ?, withdrawn_at = ? WHERE id = ? AND status = ?",
                    ConsentStatus.WITHDRAWN.code(), ts(at), id, ConsentStatus.GIVEN.code());
            if (changed == 1) {
                event(id, "withdrawn", ConsentStatus.WITHDRAWN, at, actor);
            }
            return changed == 1;
        })));
    }

    @Override
    public void recordUse(String id) {
        guarded(() -> jdbc.update("UPDATE consent_record SET use_count = use_count + 1 WHERE id = ?", id));
    }

    @Override
    public List<ConsentEvent> history(String id) {
        return guarded(() -> jdbc.query("SELECT event, status, at, actor FROM consent_history WHERE consent_id = ? ORDER BY seq",
                (rs, n) -> new ConsentEvent(rs.getString(1), ConsentStatus.fromCode(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)), id));
    }

    private void event(String id, String event, ConsentStatus status, Instant at, String actor) {
        jdbc.update("INSERT INTO consent_history (consent_id, event, status, at, actor) VALUES (?, ?, ?, ?, ?)",
                id, event, status.code(), ts(at), actor);
    }

    private ConsentRecord row(ResultSet rs, int n) throws SQLException {
        return new ConsentRecord(rs.getString(1), rs.getString(2), rs.getString(3), split(rs.getString(4)),
                split(rs.getString(5)), split(rs.getString(6)), rs.getBoolean(7), instant(rs.getTimestamp(8)),
                instant(rs.getTimestamp(9)), ConsentStatus.fromCode(rs.getString(10)), instant(rs.getTimestamp(11)),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getLong(15));
    }

    private static <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw new ConsentStoreUnavailableException("consent store unavailable", e);
        }
    }

    private static String join(Set<String> values) {
        return String.join(",", values.stream().sorted().toList());
    }

    private static Set<String> split(String value) {
        if (value == null || value.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(value.split(",")));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

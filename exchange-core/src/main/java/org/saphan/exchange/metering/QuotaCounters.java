package org.saphan.exchange.metering;

import org.saphan.exchange.route.EnforceQuota;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Quota counters in the shared database, one row per agreement and window. The increment is one atomic
 * UPDATE (uses = uses + 1) that also answers the new count (PostgreSQL's {@code RETURNING}, H2's
 * {@code FINAL TABLE}): one round trip per window on the hot path, and no call is lost between nodes. The
 * first call of a window inserts the row, and a node that loses that race updates instead. The count read back may include other nodes' calls made
 * in between, so at the edge of a quota a call can be refused slightly early, never admitted over it.
 * Windows older than two days are purged, at most once an hour per node.
 */
public final class QuotaCounters implements EnforceQuota.QuotaUse {

    private static final long PURGE_EVERY_MILLIS = 3_600_000;
    private static final Duration KEEP = Duration.ofDays(2);

    private static final String INCREMENT = "UPDATE quota_use SET uses = uses + 1 WHERE agreement_id = ? AND window_kind = ? AND window_start = ?";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong();
    /** The increment in the database's own words for "and answer the new count". */
    private final String incrementAndCount;

    public QuotaCounters(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        this.incrementAndCount = "PostgreSQL".equalsIgnoreCase(database)
                ? INCREMENT + " RETURNING uses"
                : "SELECT uses FROM FINAL TABLE (" + INCREMENT + ")"; // H2
    }

    @Override
    public long countCall(String agreementId, EnforceQuota.Window window, Instant windowStart) {
        purgeNowAndThen();
        Timestamp start = Timestamp.from(windowStart);
        Optional<Long> uses = increment(agreementId, window, start);
        if (uses.isPresent()) {
            return uses.get();
        }
        try {
            jdbc.update("INSERT INTO quota_use (agreement_id, window_kind, window_start, uses) VALUES (?, ?, ?, 1)",
                    agreementId, window.code(), start);
            return 1;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return increment(agreementId, window, start).orElse(Long.MAX_VALUE);
        }
    }

    /** The window's count after this call, or empty when the window has no row yet. */
    private Optional<Long> increment(String agreementId, EnforceQuota.Window window, Timestamp start) {
        return jdbc.query(incrementAndCount, (rs, row) -> rs.getLong(1), agreementId, window.code(), start)
                .stream().findFirst();
    }

    private void purgeNowAndThen() {
        long now = clock.millis();
        long last = lastPurge.get();
        if (now - last >= PURGE_EVERY_MILLIS && lastPurge.compareAndSet(last, now)) {
            jdbc.update("DELETE FROM quota_use WHERE window_start < ?", Timestamp.from(clock.instant().minus(KEEP)));
        }
    }
}

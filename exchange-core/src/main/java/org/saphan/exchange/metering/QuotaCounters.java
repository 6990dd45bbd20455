package org.saphan.exchange.metering;

import org.saphan.exchange.route.EnforceQuota;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Quota counters in the shared database, one row per agreement and window. The increment is one atomic
 * UPDATE (uses = uses + 1), so no call is lost between nodes; the first call of a window inserts the row,
 * and a node that loses that race updates instead. The count read back may include other nodes' calls made
 * in between, so at the edge of a quota a call can be refused slightly early, never admitted over it.
 * Windows older than two days are purged, at most once an hour per node.
 */
public final class QuotaCounters implements EnforceQuota.QuotaUse {

    private static final long PURGE_EVERY_MILLIS = 3_600_000;
    private static final Duration KEEP = Duration.ofDays(2);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong();

    public QuotaCounters(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public long countCall(String agreementId, EnforceQuota.Window window, Instant windowStart) {
        purgeNowAndThen();
        Timestamp start = Timestamp.from(windowStart);
        if (increment(agreementId, window, start) == 0) {
            try {
                jdbc.update("INSERT INTO quota_use (agreement_id, window_kind, window_start, uses) VALUES (?, ?, ?, 1)",
                        agreementId, window.code(), start);
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                increment(agreementId, window, start);
            }
        }
        Long uses = jdbc.queryForObject("SELECT uses FROM quota_use WHERE agreement_id = ? AND window_kind = ? AND window_start = ?",
                Long.class, agreementId, window.code(), start);
        return uses == null ? Long.MAX_VALUE : uses;
    }

    private int increment(String agreementId, EnforceQuota.Window window, Timestamp start) {
        return jdbc.update("UPDATE quota_use SET uses = uses + 1 WHERE agreement_id = ? AND window_kind = ? AND window_start = ?",
                agreementId, window.code(), start);
    }

    private void purgeNowAndThen() {
        long now = clock.millis();
        long last = lastPurge.get();
        if (now - last >= PURGE_EVERY_MILLIS && lastPurge.compareAndSet(last, now)) {
            jdbc.update("DELETE FROM quota_use WHERE window_start < ?", Timestamp.from(clock.instant().minus(KEEP)));
        }
    }
}

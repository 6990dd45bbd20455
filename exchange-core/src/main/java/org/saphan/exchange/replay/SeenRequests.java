package org.saphan.exchange.replay;

import org.saphan.exchange.route.RefuseReplay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids seen per client, in the shared database: the unique key on (client, request id) makes
 * the second use fail on whichever node it arrives. Rows older than the window are purged, at most
 * once a minute per node, by whichever request comes along.
 */
public final class SeenRequests implements RefuseReplay.RequestIds {

    private static final long PURGE_EVERY_MILLIS = 60_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration window;
    private final AtomicLong lastPurge = new AtomicLong();

    public SeenRequests(JdbcTemplate jdbc, Clock clock, Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
    }

    @Override
    public boolean firstUse(String clientId, String requestId) {
        Instant now = clock.instant();
        purgeNowAndThen(now);
        try {
            jdbc.update("INSERT INTO seen_request (client_id, request_id, seen_at) VALUES (?, ?, ?)",
                    clientId, requestId, Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException seen) {
            // seen before; outside the window (not yet purged) the id may be used again
            return jdbc.update("UPDATE seen_request SET seen_at = ? WHERE client_id = ? AND request_id = ? AND seen_at < ?",
                    Timestamp.from(now), clientId, requestId, Timestamp.from(now.minus(window))) == 1;
        }
    }

    public int purge() {
        return jdbc.update("DELETE FROM seen_request WHERE seen_at < ?", Timestamp.from(clock.instant().minus(window)));
    }

    private void purgeNowAndThen(Instant now) {
        long last = lastPurge.get();
        if (now.toEpochMilli() - last >= PURGE_EVERY_MILLIS && lastPurge.compareAndSet(last, now.toEpochMilli())) {
            purge();
        }
    }
}

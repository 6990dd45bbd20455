package org.saphan.exchange.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Limits failed authentication attempts (wrong client secret) per client id and per caller address,
 * in fixed windows counted in the shared database, so the limit holds across every hub node.
 * Tolerance: at most {@code maxPerClient} failures for one client id and {@code maxPerAddress} from one
 * address per window; counts race only by a request or two under concurrent failures. While a limit
 * is reached even a correct secret is refused until the window ends (so guessing cannot continue).
 * A success clears the client's count. Nothing of the secret is ever logged.
 */
public final class AuthAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(AuthAttempts.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxPerClient;
    private final int maxPerAddress;
    private final Duration window;
    private final java.util.concurrent.atomic.AtomicLong lastPurge = new java.util.concurrent.atomic.AtomicLong();

    public AuthAttempts(JdbcTemplate jdbc, Clock clock, int maxPerClient, int maxPerAddress, Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxPerClient = maxPerClient;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    /** How long the caller must wait before trying again, or empty when it may try now. */
    public Optional<Duration> blockedFor(String clientId, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (Key key : List.of(clientKey(clientId), addressKey(address))) {
            List<Instant> started = jdbc.query("SELECT window_start FROM auth_failure WHERE attempt_key = ? AND failures >= ? AND window_start > ?",
                    (rs, i) -> rs.getTimestamp(1).toInstant(), key.value, key.limit, Timestamp.from(now.minus(window)));
            for (Instant start : started) {
                Duration left = Duration.between(now, start.plus(window));
                if (left.compareTo(wait) > 0) {
                    wait = left;
                }
            }
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait.plusSeconds(1).withNanos(0));
    }

    /** Counts a failed attempt against the client id and the address. */
    public void failed(String clientId, String address, String reason) {
        // only a well-formed client id is named: whatever else was typed there (an ID, a secret) stays out of the log
        String shown = org.saphan.schemas.ClientSystemId.isWellFormed(clientId) ? clientId : "(not a client id)";
        LOG.warn("authentication failed: client={} address={} reason={}", shown, printable(address), reason);
        count(clientKey(clientId).value);
        count(addressKey(address).value);
        long now = clock.millis();
        long last = lastPurge.get();
        if (now - last >= 60_000 && lastPurge.compareAndSet(last, now)) {
            purge(); // at most once a minute per node, so guessed client ids cannot fill the table
        }
    }

    public void succeeded(String clientId) {
        jdbc.update("DELETE FROM auth_failure WHERE attempt_key = ?", clientKey(clientId).value);
    }

    /** Housekeeping: forgets windows that have ended. */
    public int purge() {
        return jdbc.update("DELETE FROM auth_failure WHERE window_start < ?", Timestamp.from(clock.instant().minus(window)));
    }

    private void count(String key) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp windowOpen = Timestamp.from(clock.instant().minus(window));
        // portable upsert: update, else insert, and if another node inserted first, update again
        String update = "UPDATE auth_failure SET failures = CASE WHEN window_start < ? THEN 1 ELSE failures + 1 END, "
                + "window_start = CASE WHEN window_start < ? THEN ? ELSE window_start END WHERE attempt_key = ?";
        if (jdbc.update(update, windowOpen, windowOpen, now, key) == 0) {
            try {
                jdbc.update("INSERT INTO auth_failure (attempt_key, window_start, failures) VALUES (?, ?, 1)", key, now);
            } catch (DuplicateKeyException raced) {
                jdbc.update(update, windowOpen, windowOpen, now, key);
            }
        }
    }

    private Key clientKey(String clientId) {
        return new Key("client:" + truncate(clientId), maxPerClient);
    }

    private Key addressKey(String address) {
        return new Key("address:" + truncate(address), maxPerAddress);
    }

    private static String truncate(String s) {
        String v = s == null ? "-" : s;
        return v.length() > 150 ? v.substring(0, 150) : v;
    }

    /** Log-safe: a client id as typed may be anything, so only a bounded, plain form is logged. */
    private static String printable(String s) {
        return s == null ? "-" : truncate(s).replaceAll("[^A-Za-z0-9/._:-]", "?");
    }

    private record Key(String value, int limit) {
    }
}

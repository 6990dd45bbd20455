package org.saphan.exchange.gdx;

import org.saphan.exchange.auth.AccessTokens;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Tokens of the GDX face ({@code GET /ws/auth/validate}). Like GDX's, they idle out: each use moves
 * {@code last_used_at}, and a token unused for the idle time is dead. Kept in the shared database
 * (SHA-256 only), so every node agrees on which tokens live.
 */
public final class GdxTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "gdx_";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration idle;
    private final java.util.concurrent.atomic.AtomicLong lastPurge = new java.util.concurrent.atomic.AtomicLong();

    public GdxTokens(JdbcTemplate jdbc, Clock clock, Duration idle) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.idle = idle;
    }

    public String issue(String clientId, String agentId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO gdx_token (token_hash, client_id, agent_id, issued_at, last_used_at) VALUES (?, ?, ?, ?, ?)",
                AccessTokens.hash(token), clientId, agentId, now, now);
        long last = lastPurge.get();
        if (now.getTime() - last >= 60_000 && lastPurge.compareAndSet(last, now.getTime())) {
            purgeIdle(); // at most once a minute per node
        }
        return token;
    }

    /**
     * Uses a token of this client: when it is live, its idle clock restarts and the AgentID it was issued
     * for comes back; empty for an unknown, idle, revoked or other client's token.
     */
    public Optional<String> use(String token, String clientId) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = AccessTokens.hash(token);
        // one conditional update decides, so two nodes cannot both revive an idle token
        int live = jdbc.update("UPDATE gdx_token SET last_used_at = ? WHERE token_hash = ? AND client_id = ? "
                        + "AND revoked_at IS NULL AND last_used_at > ?",
                Timestamp.from(now), hash, clientId, Timestamp.from(now.minus(idle)));
        if (live == 0) {
            return Optional.empty();
        }
        List<String> agent = jdbc.queryForList("SELECT agent_id FROM gdx_token WHERE token_hash = ?", String.class, hash);
        return agent.stream().findFirst();
    }

    /** The AgentID a live token of this client was issued for, without touching its idle clock. */
    public Optional<String> agentOf(String token, String clientId) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT agent_id FROM gdx_token WHERE token_hash = ? AND client_id = ? "
                        + "AND revoked_at IS NULL AND last_used_at > ?", String.class,
                AccessTokens.hash(token), clientId, Timestamp.from(clock.instant().minus(idle))).stream().findFirst();
    }

    public int revokeAllOf(String clientId) {
        return jdbc.update("UPDATE gdx_token SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), clientId);
    }

    /** Deletes tokens idle for more than a day past their idle time (housekeeping). */
    public int purgeIdle() {
        return jdbc.update("DELETE FROM gdx_token WHERE last_used_at < ?",
                Timestamp.from(clock.instant().minus(idle).minus(Duration.ofDays(1))));
    }
}

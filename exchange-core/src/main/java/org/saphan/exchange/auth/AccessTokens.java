package org.saphan.exchange.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens for client systems: random, short-lived, revocable, and kept in the shared database
 * (only their SHA-256 hash), so every hub node sharing the database accepts and revokes the same tokens.
 * <p>
 * A token this node found live is trusted from memory for {@link #VERIFIED_FOR} (never past its expiry),
 * so a busy client costs one database read per few seconds instead of one per request. A revocation made
 * on this node takes effect here at once; one made on another node takes effect here within
 * {@code VERIFIED_FOR}. That delay is the documented tolerance (docs/performance.md).
 */
public final class AccessTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "sph_";

    /** How long a token found live is trusted without asking the database again (revocation delay on other nodes). */
    public static final Duration VERIFIED_FOR = Duration.ofSeconds(5);
    /** Live tokens kept in memory; beyond this the least used are read from the database again. */
    private static final int MAX_VERIFIED = 10_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration lifetime;
    /** token hash → the token's client and expiry, as last read from the database */
    private final Cache<String, LiveToken> verified;

    private record LiveToken(String clientId, Instant expiresAt) {
    }

    public AccessTokens(JdbcTemplate jdbc, Clock clock, Duration lifetime) {
        this(jdbc, clock, lifetime, VERIFIED_FOR);
    }

    public AccessTokens(JdbcTemplate jdbc, Clock clock, Duration lifetime, Duration verifiedFor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_VERIFIED).expireAfterWrite(verifiedFor)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    public IssuedToken issue(String clientId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        jdbc.update("INSERT INTO access_token (token_hash, client_id, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                hash(token), clientId, Timestamp.from(now), Timestamp.from(expires));
        return new IssuedToken(token, lifetime.toSeconds(), clientId);
    }

    /** The client id a live token belongs to; empty for an unknown, expired or revoked token. */
    public Optional<String> clientOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        Instant now = clock.instant();
        LiveToken known = verified.getIfPresent(hash);
        if (known != null && known.expiresAt().isAfter(now)) {
            return Optional.of(known.clientId());
        }
        // unknown, expired or revoked tokens are never cached: each try asks the database
        List<LiveToken> found = jdbc.query(
                "SELECT client_id, expires_at FROM access_token WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?",
                (rs, row) -> new LiveToken(rs.getString(1), rs.getTimestamp(2).toInstant()), hash, Timestamp.from(now));
        found.stream().findFirst().ifPresent(live -> verified.put(hash, live));
        return found.stream().findFirst().map(LiveToken::clientId);
    }

    /** Revokes a token at once on every node; true when a live token was revoked. */
    public boolean revoke(String token) {
        boolean revoked = jdbc.update("UPDATE access_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), hash(token)) > 0;
        verified.invalidate(hash(token));
        return revoked;
    }

    /** RFC 7009: revokes the token only when it belongs to this client; true when a live token was revoked. */
    public boolean revokeOwnedBy(String token, String clientId) {
        if (token == null || token.length() > 100) {
            return false;
        }
        boolean revoked = jdbc.update("UPDATE access_token SET revoked_at = ? WHERE token_hash = ? AND client_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), hash(token), clientId) > 0;
        if (revoked) {
            verified.invalidate(hash(token));
        }
        return revoked;
    }

    /** Operator action: revokes every live token of a client at once, on every node. Returns how many. */
    public int revokeAllOf(String clientId) {
        int revoked = jdbc.update("UPDATE access_token SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL AND expires_at > ?",
                Timestamp.from(clock.instant()), clientId, Timestamp.from(clock.instant()));
        verified.asMap().values().removeIf(live -> live.clientId().equals(clientId));
        return revoked;
    }

    /** Deletes tokens that expired more than a day ago (housekeeping). */
    public int purgeExpired() {
        return jdbc.update("DELETE FROM access_token WHERE expires_at < ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public record IssuedToken(String token, long expiresInSeconds, String clientId) {
        @Override
        public String toString() {
            return "IssuedToken[client=" + clientId + "]";
        }
    }
}

package org.saphan.exchange.auth;

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
 */
public final class AccessTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "sph_";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration lifetime;

    public AccessTokens(JdbcTemplate jdbc, Clock clock, Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
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
        List<String> found = jdbc.queryForList(
                "SELECT client_id FROM access_token WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?",
                String.class, hash(token), Timestamp.from(clock.instant()));
        return found.stream().findFirst();
    }

    /** Revokes a token at once on every node; true when a live token was revoked. */
    public boolean revoke(String token) {
        return jdbc.update("UPDATE access_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), hash(token)) > 0;
    }

    /** RFC 7009: revokes the token only when it belongs to this client; true when a live token was revoked. */
    public boolean revokeOwnedBy(String token, String clientId) {
        if (token == null || token.length() > 100) {
            return false;
        }
        return jdbc.update("UPDATE access_token SET revoked_at = ? WHERE token_hash = ? AND client_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), hash(token), clientId) > 0;
    }

    /** Operator action: revokes every live token of a client at once, on every node. Returns how many. */
    public int revokeAllOf(String clientId) {
        return jdbc.update("UPDATE access_token SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL AND expires_at > ?",
                Timestamp.from(clock.instant()), clientId, Timestamp.from(clock.instant()));
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

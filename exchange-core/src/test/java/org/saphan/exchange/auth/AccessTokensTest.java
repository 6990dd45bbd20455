package org.saphan.exchange.auth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saphan.exchange.audit.AuditDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Tokens a node found live are trusted from memory for a few seconds: a revocation on this node holds at
 * once, one on another node (the shared table changed behind this node's back) within {@code VERIFIED_FOR}.
 */
class AccessTokensTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T01:00:00Z"));
    private final Clock clock = movable(now);
    private JdbcTemplate jdbc;
    private AccessTokens thisNode;
    private AccessTokens otherNode;

    @BeforeEach
    void sharedDatabase() {
        jdbc = new JdbcTemplate(AuditDatabases.fresh("h2"));
        thisNode = new AccessTokens(jdbc, clock, Duration.ofMinutes(30));
        otherNode = new AccessTokens(jdbc, clock, Duration.ofMinutes(30));
    }

    /** A clock the test moves by hand: instant() and millis() (the cache's ticker) both follow {@code now}. */
    private static Clock movable(AtomicReference<Instant> now) {
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenAnswer(call -> now.get());
        when(clock.millis()).thenAnswer(call -> now.get().toEpochMilli());
        return clock;
    }

    private void advance(Duration by) {
        now.updateAndGet(at -> at.plus(by));
    }

    @Test
    void aRevocationOnThisNodeHoldsAtOnceEvenForATokenItTrustsFromMemory() {
        String token = thisNode.issue("MSDHS/welfare-portal").token();
        assertThat(thisNode.clientOf(token)).contains("MSDHS/welfare-portal");
        assertThat(thisNode.revoke(token)).isTrue();
        assertThat(thisNode.clientOf(token)).isEmpty();

        String second = thisNode.issue("MSDHS/welfare-portal").token();
        assertThat(thisNode.clientOf(second)).isPresent();
        assertThat(thisNode.revokeAllOf("MSDHS/welfare-portal")).isEqualTo(1);
        assertThat(thisNode.clientOf(second)).isEmpty();
    }

    @Test
    void aRevocationOnAnotherNodeHoldsHereWithinTheVerifiedForTolerance() {
        String token = thisNode.issue("MSDHS/welfare-portal").token();
        assertThat(thisNode.clientOf(token)).contains("MSDHS/welfare-portal");
        assertThat(otherNode.revoke(token)).isTrue();

        advance(AccessTokens.VERIFIED_FOR.minusMillis(1));
        assertThat(thisNode.clientOf(token)).as("trusted from memory inside the tolerance").isPresent();
        advance(Duration.ofMillis(2));
        assertThat(thisNode.clientOf(token)).as("read again from the shared table after it").isEmpty();
        // a token never found live is never trusted from memory
        assertThat(otherNode.clientOf(token)).isEmpty();
    }

    @Test
    void aTokenTrustedFromMemoryStillExpiresOnTime() {
        AccessTokens shortLived = new AccessTokens(jdbc, clock, Duration.ofSeconds(3));
        String token = shortLived.issue("MSDHS/welfare-portal").token();
        assertThat(shortLived.clientOf(token)).isPresent();
        advance(Duration.ofSeconds(3));
        assertThat(shortLived.clientOf(token)).isEmpty();
        assertThat(shortLived.clientOf("sph_unknown")).isEmpty();
    }
}

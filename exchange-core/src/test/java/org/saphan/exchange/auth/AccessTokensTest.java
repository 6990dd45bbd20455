package org.saphan.exchange.auth;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens a node found live are trusted from memory for a few seconds: a revocation on this node holds at
 * once, one on another node (the shared table changed behind this node's back) within {@code VERIFIED_FOR}.
 */
class AccessTokensTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-22T01:00:00Z"));
    private JdbcTemplate jdbc;
    private AccessTokens thisNode;
    private AccessTokens otherNode;

    @BeforeEach
    void sharedDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:tokens_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(h2);
        thisNode = new AccessTokens(jdbc, clock, Duration.ofMinutes(30));
        otherNode = new AccessTokens(jdbc, clock, Duration.ofMinutes(30));
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

        clock.advance(AccessTokens.VERIFIED_FOR.minusMillis(1));
        assertThat(thisNode.clientOf(token)).as("trusted from memory inside the tolerance").isPresent();
        clock.advance(Duration.ofMillis(2));
        assertThat(thisNode.clientOf(token)).as("read again from the shared table after it").isEmpty();
        // a token never found live is never trusted from memory
        assertThat(otherNode.clientOf(token)).isEmpty();
    }

    @Test
    void aTokenTrustedFromMemoryStillExpiresOnTime() {
        AccessTokens shortLived = new AccessTokens(jdbc, clock, Duration.ofSeconds(3));
        String token = shortLived.issue("MSDHS/welfare-portal").token();
        assertThat(shortLived.clientOf(token)).isPresent();
        clock.advance(Duration.ofSeconds(3));
        assertThat(shortLived.clientOf(token)).isEmpty();
        assertThat(shortLived.clientOf("sph_unknown")).isEmpty();
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

package org.saphan.exchange.replay;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saphan.exchange.audit.AuditDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The group-committed replay register on both databases, with two nodes and repeats inside one batch. */
class SeenRequestsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void eachRequestIdIsFirstUsedExactlyOnceAcrossNodesAndBatches(String database) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(AuditDatabases.fresh(database));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        try (SeenRequests nodeOne = new SeenRequests(jdbc, clock, Duration.ofMinutes(10));
             SeenRequests nodeTwo = new SeenRequests(jdbc, clock, Duration.ofMinutes(10))) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<Boolean>> answers = new ArrayList<>();
            // every id three times (twice on one node, so some repeats meet in the same batch), two clients
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < ids.size(); i++) {
                    SeenRequests node = (i + round) % 2 == 0 ? nodeOne : nodeTwo;
                    String id = ids.get(i);
                    answers.add(pool.submit(() -> node.firstUse("MSDHS/welfare-portal", id)));
                    if (round == 0) {
                        answers.add(pool.submit(() -> node.firstUse("RD/tax-audit", id)));
                    }
                }
            }
            long firsts = 0;
            for (Future<Boolean> a : answers) {
                firsts += a.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(firsts).isEqualTo(2L * ids.size());
            assertThat(nodeOne.firstUse("MSDHS/welfare-portal", ids.get(0))).isFalse();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM seen_request", Long.class)).isEqualTo(2L * ids.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anIdMayBeUsedAgainOnceTheWindowHasPassed(String database) {
        JdbcTemplate jdbc = new JdbcTemplate(AuditDatabases.fresh(database));
        String id = UUID.randomUUID().toString();
        try (SeenRequests now = new SeenRequests(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10));
             SeenRequests later = new SeenRequests(jdbc, Clock.fixed(NOW.plus(Duration.ofMinutes(11)), ZoneOffset.UTC),
                     Duration.ofMinutes(10))) {
            assertThat(now.firstUse("MSDHS/welfare-portal", id)).isTrue();
            assertThat(now.firstUse("MSDHS/welfare-portal", id)).isFalse();
            assertThat(later.firstUse("MSDHS/welfare-portal", id)).isTrue();
            assertThat(later.firstUse("MSDHS/welfare-portal", id)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void expiredIdsArePurgedASliceAtATimeSoNoBatchWaitsForABigDelete(String database) {
        JdbcTemplate jdbc = new JdbcTemplate(AuditDatabases.fresh(database));
        int expired = SeenRequests.PURGE_SLICE + 500;
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < expired; i++) {
            rows.add(new Object[] {"MSDHS/welfare-portal", UUID.randomUUID().toString(),
                    java.sql.Timestamp.from(NOW.minus(Duration.ofMinutes(30)).plusMillis(i))});
        }
        jdbc.batchUpdate("INSERT INTO seen_request (client_id, request_id, seen_at) VALUES (?, ?, ?)", rows);
        String recent = UUID.randomUUID().toString();
        try (SeenRequests node = new SeenRequests(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10))) {
            assertThat(node.firstUse("MSDHS/welfare-portal", recent)).isTrue();
            // the batch purged one slice before its insert, the oldest first
            assertThat(count(jdbc)).isEqualTo(500L + 1);
            assertThat(node.purge()).as("purge() takes every slice that is left").isEqualTo(500);
            assertThat(count(jdbc)).isEqualTo(1L);
            assertThat(node.firstUse("MSDHS/welfare-portal", recent)).as("the id inside the window is kept").isFalse();
        }
    }

    private static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM seen_request", Long.class);
    }
}

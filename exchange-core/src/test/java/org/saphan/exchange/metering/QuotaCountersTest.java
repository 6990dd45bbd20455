package org.saphan.exchange.metering;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saphan.exchange.audit.AuditDatabases;
import org.saphan.exchange.route.EnforceQuota.Window;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-statement increment-and-count on both databases the hub supports, with two nodes sharing the table. */
class QuotaCountersTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:30:20Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyCallOnEitherNodeIsCountedOnceAndEachCallerSeesItsOwnCount(String database) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(AuditDatabases.fresh(database));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        QuotaCounters nodeOne = new QuotaCounters(jdbc, clock);
        QuotaCounters nodeTwo = new QuotaCounters(jdbc, clock);
        Instant minute = Window.MINUTE.start(NOW);
        String agreement = "AGR-TEST-" + database;

        assertThat(nodeOne.countCall(agreement, Window.MINUTE, minute)).isEqualTo(1);
        assertThat(nodeTwo.countCall(agreement, Window.MINUTE, minute)).isEqualTo(2);
        assertThat(nodeOne.countCall(agreement, Window.DAY, Window.DAY.start(NOW))).isEqualTo(1);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> counts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            QuotaCounters node = i % 2 == 0 ? nodeOne : nodeTwo;
            counts.add(pool.submit(() -> node.countCall(agreement, Window.MINUTE, minute)));
        }
        List<Long> seen = new ArrayList<>();
        for (Future<Long> f : counts) {
            seen.add(f.get());
        }
        pool.shutdown();
        Collections.sort(seen);
        // no call lost and none counted twice: the callers saw exactly 3..202, each once
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i + 3L);
        }
        assertThat(jdbc.queryForObject("SELECT uses FROM quota_use WHERE agreement_id = ? AND window_kind = 'minute'",
                Long.class, agreement)).isEqualTo(202);
    }
}

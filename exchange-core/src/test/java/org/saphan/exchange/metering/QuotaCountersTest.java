package org.saphan.exchange.metering;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saphan.exchange.audit.AuditDatabases;
import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.route.EnforceQuota;
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

/** The group-committed counters on both databases the hub supports, with two nodes sharing the table. */
class QuotaCountersTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:30:20Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyCallOnEitherNodeIsCountedOnceAndEachCallerSeesItsOwnCount(String database) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(AuditDatabases.fresh(database));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Agreement.Quota quota = new Agreement.Quota(1_000_000, 10_000_000);
        String agreement = "AGR-TEST-" + database;
        try (QuotaCounters nodeOne = new QuotaCounters(jdbc, clock); QuotaCounters nodeTwo = new QuotaCounters(jdbc, clock)) {
            assertThat(nodeOne.countCall(agreement, quota, NOW)).isEqualTo(new EnforceQuota.Uses(1, 1));
            assertThat(nodeTwo.countCall(agreement, quota, NOW)).isEqualTo(new EnforceQuota.Uses(2, 2));
            assertThat(nodeOne.countCall(agreement, new Agreement.Quota(null, 5), NOW)).isEqualTo(new EnforceQuota.Uses(0, 3));

            // 16 callers at once, so the writers take many calls per batch
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<EnforceQuota.Uses>> counts = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                QuotaCounters node = i % 2 == 0 ? nodeOne : nodeTwo;
                counts.add(pool.submit(() -> node.countCall(agreement, quota, NOW)));
            }
            List<Long> minutes = new ArrayList<>();
            List<Long> days = new ArrayList<>();
            for (Future<EnforceQuota.Uses> f : counts) {
                minutes.add(f.get().minute());
                days.add(f.get().day());
            }
            pool.shutdown();
            Collections.sort(minutes);
            Collections.sort(days);
            // no call lost and none counted twice: the callers saw exactly 3..402 in the minute, 4..403 in the day
            for (int i = 0; i < minutes.size(); i++) {
                assertThat(minutes.get(i)).isEqualTo(i + 3L);
                assertThat(days.get(i)).isEqualTo(i + 4L);
            }
        }
        assertThat(jdbc.queryForObject("SELECT uses FROM quota_use WHERE agreement_id = ? AND window_kind = 'minute'",
                Long.class, agreement)).isEqualTo(402);
        assertThat(jdbc.queryForObject("SELECT uses FROM quota_use WHERE agreement_id = ? AND window_kind = 'day'",
                Long.class, agreement)).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aCallOverTheMinutesLimitDoesNotUseUpTheDay(String database) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(AuditDatabases.fresh(database));
        Agreement.Quota quota = new Agreement.Quota(2, 100);
        try (QuotaCounters node = new QuotaCounters(jdbc, Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertThat(node.countCall("AGR-M", quota, NOW)).isEqualTo(new EnforceQuota.Uses(1, 1));
            assertThat(node.countCall("AGR-M", quota, NOW)).isEqualTo(new EnforceQuota.Uses(2, 2));
            assertThat(node.countCall("AGR-M", quota, NOW)).isEqualTo(new EnforceQuota.Uses(3, 0));
            // the next minute has room again, and the day goes on from 2
            assertThat(node.countCall("AGR-M", quota, NOW.plusSeconds(60))).isEqualTo(new EnforceQuota.Uses(1, 3));
        }
    }
}

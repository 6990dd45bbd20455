package org.saphan.exchange.metering;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.route.EnforceQuota.Window;
import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ServiceId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code saphan_quota_used_ratio} reads the share of the window that is current now: after a burst and silence it
 * falls to 0 when the window ends, instead of holding the burst's ratio (and a firing SaphanQuotaNearlyUsed) for ever.
 */
class QuotaGaugeTest {

    private static final Agreement AGREEMENT = new Agreement("AGR-TEST-01", "MSDHS/welfare-portal",
            ServiceId.parse("DOPA/citizen-profile/v1"), Set.of("welfare-eligibility"), Set.of(LegalBasis.PDPA_24_4),
            "Social Welfare Promotion Act B.E. 2546", List.of("birthDate"), LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 31), new Agreement.Quota(100, 1000), null, null);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T23:58:30Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExchangeMeter meter = new ExchangeMeter(registry, clock);

    @Test
    void aBurstsRatioReadsZeroOnceItsWindowHasEnded() {
        // a burst: 95 of the minute's 100 calls, 950 of the day's 1000
        meter.quotaUsed(AGREEMENT, Window.MINUTE, 95, 100);
        meter.quotaUsed(AGREEMENT, Window.DAY, 950, 1000);
        assertThat(gauge("minute")).isEqualTo(0.95);
        assertThat(gauge("day")).isEqualTo(0.95);

        clock.advance(Duration.ofSeconds(29)); // 23:58:59, same minute
        assertThat(gauge("minute")).isEqualTo(0.95);

        clock.advance(Duration.ofSeconds(1)); // 23:59:00: silence since, the minute has ended
        assertThat(gauge("minute")).as("an ended minute's count is not this minute's").isZero();
        assertThat(gauge("day")).as("the day has not ended").isEqualTo(0.95);

        clock.advance(Duration.ofSeconds(60)); // 00:00:00 the next day
        assertThat(gauge("day")).isZero();
        assertThat(gauge("minute")).isZero();
    }

    @Test
    void aCallInTheNewWindowShowsThatWindowsOwnCount() {
        meter.quotaUsed(AGREEMENT, Window.MINUTE, 99, 100);
        clock.advance(Duration.ofMinutes(3));
        assertThat(gauge("minute")).isZero();

        meter.quotaUsed(AGREEMENT, Window.MINUTE, 1, 100);
        assertThat(gauge("minute")).isEqualTo(0.01);
        meter.quotaUsed(AGREEMENT, Window.MINUTE, 120, 100);
        assertThat(gauge("minute")).as("refused calls are counted too: above 1").isEqualTo(1.2);
        assertThat(registry.find(ExchangeMeter.QUOTA_USED).gauges()).as("one series per agreement and window").hasSize(1);
    }

    private double gauge(String window) {
        return registry.get(ExchangeMeter.QUOTA_USED).tags("agreement", AGREEMENT.id(), "window", window).gauge().value();
    }
}

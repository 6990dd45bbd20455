package org.saphan.exchange.metering;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What operators read at GET /api/v1/providers/health, per service. */
class ProviderHealthTest {

    private static final String PROFILE = "DOPA/citizen-profile/v1";
    private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final ProviderHealth health = new ProviderHealth(clock);

    @Test
    void keepsTheLastSuccessTheLastFailureAndTheShareOfFailures() {
        health.record("DOPA", PROFILE, "ok", true);
        clock.advance(Duration.ofSeconds(10));
        health.record("DOPA", PROFILE, "provider-timeout", true);
        clock.advance(Duration.ofSeconds(10));
        health.record("DOPA", PROFILE, "provider-unavailable", false); // an open breaker refused it: not called, but failing
        clock.advance(Duration.ofSeconds(10));
        health.record("DOPA", PROFILE, "subject-not-found", true); // the provider answered: not its failure

        ProviderHealth.ServiceHealth seen = health.byService().get(PROFILE);
        assertThat(seen.provider()).isEqualTo("DOPA");
        assertThat(seen.lastSuccess()).isEqualTo(START.plusSeconds(30));
        assertThat(seen.lastFailure()).isEqualTo(START.plusSeconds(20));
        assertThat(seen.recentCalls()).isEqualTo(4);
        assertThat(seen.recentErrorRate()).isEqualTo(0.5);
    }

    @Test
    void refusalsMadeBeforeTheProviderIsCalledDoNotCount() {
        health.record("DOPA", PROFILE, "purpose-not-allowed", false);
        health.record("DOPA", PROFILE, "quota-exceeded", false);
        health.record(null, null, "unauthenticated", false);
        assertThat(health.byService()).isEmpty();
    }

    @Test
    void theErrorRateCoversOnlyTheLastHundredOutcomes() {
        for (int i = 0; i < ProviderHealth.RECENT; i++) {
            health.record("DOPA", PROFILE, "provider-error", true);
        }
        assertThat(health.byService().get(PROFILE).recentErrorRate()).isEqualTo(1.0);
        for (int i = 0; i < 75; i++) {
            health.record("DOPA", PROFILE, "ok", true);
        }
        ProviderHealth.ServiceHealth seen = health.byService().get(PROFILE);
        assertThat(seen.recentCalls()).isEqualTo(ProviderHealth.RECENT);
        assertThat(seen.recentErrorRate()).as("the 75 oldest failures have left the window").isCloseTo(0.25, within(1e-9));
        assertThat(seen.lastFailure()).isEqualTo(START);
    }

    @Test
    void servicesAreSeparateAndSortedById() {
        health.record("RD", "RD/vat-registration/v1", "provider-error", true);
        health.record("DBD", "DBD/juristic-person/v1", "ok", true);
        assertThat(health.byService()).containsOnlyKeys("DBD/juristic-person/v1", "RD/vat-registration/v1");
        assertThat(health.byService().keySet()).first().isEqualTo("DBD/juristic-person/v1");
        assertThat(health.byService().get("DBD/juristic-person/v1").lastFailure()).isNull();
        assertThat(health.byService().get("RD/vat-registration/v1").recentErrorRate()).isEqualTo(1.0);
    }
}

package org.saphan.exchange.metering;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.saphan.exchange.policy.PolicyDecision;
import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ProblemCode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LiveTrafficTest {

    @Test
    void countsCallsAndServerSideErrorsPerServiceWithRecentPercentiles() {
        ExchangeMeter meter = new ExchangeMeter(new SimpleMeterRegistry());
        for (int i = 1; i <= 99; i++) {
            meter.count("MSDHS", "DOPA", "DOPA/citizen-profile/v1", "ok", Duration.ofMillis(10), Duration.ofMillis(5));
        }
        meter.count("MSDHS", "DOPA", "DOPA/citizen-profile/v1", "provider-timeout", Duration.ofMillis(700), Duration.ofMillis(700));
        meter.count("MSDHS", "DOPA", "DOPA/citizen-profile/v1", "purpose-not-allowed", Duration.ofMillis(2), null);
        meter.count(null, null, null, "unauthenticated", Duration.ofMillis(1), null); // no service: not shown

        LiveTraffic.ServiceTraffic profile = meter.liveTraffic().byService().get("DOPA/citizen-profile/v1");
        assertThat(meter.liveTraffic().byService()).containsOnlyKeys("DOPA/citizen-profile/v1");
        assertThat(profile.calls()).isEqualTo(101);
        assertThat(profile.errors()).as("only the 5xx: a refusal for cause is no error").isEqualTo(1);
        assertThat(profile.p50Ms()).isBetween(8.0, 12.0);
        assertThat(profile.p99Ms()).isGreaterThanOrEqualTo(profile.p50Ms()).isLessThan(800.0);
    }

    @Test
    void aPolicyDecisionsReasonIsItsProblemCodeOrTheLegalBasisOfThePermit() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ExchangeMeter meter = new ExchangeMeter(registry);
        meter.policyDecision(PolicyDecision.permit(LegalBasis.PDPA_24_4, "Social Welfare Promotion Act B.E. 2546", null));
        meter.policyDecision(PolicyDecision.permit(null, null, null));
        meter.policyDecision(PolicyDecision.deny(ProblemCode.PURPOSE_NOT_ALLOWED, "not agreed"));
        meter.policyDecision(PolicyDecision.deny(ProblemCode.PURPOSE_NOT_ALLOWED, "not agreed"));

        assertThat(registry.get(ExchangeMeter.POLICY_DECISIONS).tags("decision", "permit", "reason", "pdpa-24-4")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.get(ExchangeMeter.POLICY_DECISIONS).tags("decision", "permit", "reason", "no-personal-data")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.get(ExchangeMeter.POLICY_DECISIONS).tags("decision", "deny", "reason", "purpose-not-allowed")
                .counter().count()).isEqualTo(2.0);
    }
}

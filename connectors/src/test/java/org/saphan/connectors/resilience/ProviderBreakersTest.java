package org.saphan.connectors.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.ProblemCode;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts against a provider's circuit breaker, and what does not. */
class ProviderBreakersTest {

    @Test
    void providerFailuresCountTheHubsOwnBusynessAndAnswersWithoutDataDoNot() {
        assertThat(ProviderBreakers.isProviderFailure(new ConnectException("refused"))).isTrue();
        assertThat(ProviderBreakers.isProviderFailure(new ExchangeRefusal(ProblemCode.PROVIDER_TIMEOUT, "t"))).isTrue();
        assertThat(ProviderBreakers.isProviderFailure(new ExchangeRefusal(ProblemCode.SUBJECT_NOT_FOUND, "n"))).isFalse();
        assertThat(ProviderBreakers.isProviderFailure(
                BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("busy")))).isFalse();
    }

    @Test
    void aFullBulkheadNeverOpensTheProvidersBreaker() {
        ProviderBreakers breakers = new ProviderBreakers();
        CircuitBreaker dopa = breakers.of("DOPA");
        BulkheadFullException busy = BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("busy"));
        for (int i = 0; i < 50; i++) {
            dopa.onError(0, java.util.concurrent.TimeUnit.NANOSECONDS, busy);
        }
        assertThat(dopa.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        for (int i = 0; i < 50; i++) {
            dopa.onError(0, java.util.concurrent.TimeUnit.NANOSECONDS, new ConnectException("refused"));
        }
        assertThat(dopa.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}

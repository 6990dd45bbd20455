package org.saphan.connectors.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.TreeSet;

/**
 * Each provider's circuit breaker state as a gauge (1 in the current state, 0 in the others), for every
 * provider in the catalog: {@code saphan_provider_circuit_state{provider="DOPA",state="open"} 1}. Labels are
 * bounded by the catalog and the breaker's few states.
 */
@Configuration(proxyBeanMethods = false)
public class ProviderBreakerMetrics {

    public static final String CIRCUIT_STATE = "saphan.provider.circuit.state";
    private static final List<CircuitBreaker.State> SHOWN = List.of(CircuitBreaker.State.CLOSED,
            CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);

    @Bean
    MeterBinder providerCircuitStates(ProviderBreakers breakers, Catalog catalog) {
        return registry -> {
            TreeSet<String> providers = new TreeSet<>();
            catalog.services().stream().map(ServiceDefinition::provider).forEach(providers::add);
            for (String provider : providers) {
                CircuitBreaker breaker = breakers.of(provider);
                for (CircuitBreaker.State state : SHOWN) {
                    Gauge.builder(CIRCUIT_STATE, breaker, b -> b.getState() == state ? 1 : 0)
                            .description("1 when the provider's circuit breaker is in this state")
                            .tags("provider", provider, "state", state.name().toLowerCase(java.util.Locale.ROOT))
                            .register(registry);
                }
            }
        };
    }
}

package org.saphan.connectors.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Resilience4jConfigurationDefinition;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.ProblemCode;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One circuit breaker per provider agency, shared by all of its services and connector kinds: when a provider
 * keeps failing, every call to it is answered {@code provider-unavailable} at once instead of waiting for a
 * timeout, until a few trial calls succeed again. Only failures of the provider count (unreachable, timed out,
 * server errors); "no such subject" and bad answers do not.
 */
public final class ProviderBreakers {

    /** The defaults for every provider: judged over the last 20 calls, open at half failing, for 10 s. */
    public static final CircuitBreakerConfig DEFAULT = CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(20)
            .minimumNumberOfCalls(10)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(10))
            .permittedNumberOfCallsInHalfOpenState(3)
            .automaticTransitionFromOpenToHalfOpenEnabled(true)
            .recordException(ProviderBreakers::isProviderFailure)
            .build();

    private final CircuitBreakerConfig config;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public ProviderBreakers() {
        this(DEFAULT);
    }

    public ProviderBreakers(CircuitBreakerConfig config) {
        this.config = config;
    }

    /** The provider's breaker, created on first use. */
    public CircuitBreaker of(String provider) {
        return breakers.computeIfAbsent(provider, p -> CircuitBreaker.of("provider-" + p, config));
    }

    /** Closes every provider's breaker and forgets its history (an operator's reset after a fixed outage). */
    public void resetAll() {
        breakers.values().forEach(CircuitBreaker::reset);
    }

    /**
     * How every connector route guards its provider call: the provider's breaker, and a bulkhead for the service
     * (calls beyond this many waiting on the provider are refused at once, so a slow provider cannot hold the
     * threads other services need).
     */
    public Resilience4jConfigurationDefinition guard(CamelContext camel, String provider, int maxConcurrentCalls) {
        Resilience4jConfigurationDefinition guard = new Resilience4jConfigurationDefinition();
        guard.circuitBreaker(bind(camel, provider))
                .throwExceptionWhenHalfOpenOrOpenState(true)
                .bulkheadEnabled(true)
                .bulkheadMaxConcurrentCalls(maxConcurrentCalls)
                .bulkheadMaxWaitDuration(0);
        return guard;
    }

    /** Binds the provider's breaker into Camel's registry and returns the name a route refers to it by. */
    public String bind(CamelContext camel, String provider) {
        String name = "providerBreaker-" + provider;
        camel.getRegistry().bind(name, CircuitBreaker.class, of(provider));
        return name;
    }

    /**
     * Everything but a refusal that says the provider worked (it answered, just not with data), and but the
     * hub's own bulkhead refusing a call: the hub being busy says nothing about the provider, and counting it
     * would let local overload open the provider's breaker and refuse every call for the open period.
     */
    static boolean isProviderFailure(Throwable t) {
        if (t instanceof io.github.resilience4j.bulkhead.BulkheadFullException) {
            return false;
        }
        if (t instanceof ExchangeRefusal r) {
            return r.code() == ProblemCode.PROVIDER_ERROR || r.code() == ProblemCode.PROVIDER_UNAVAILABLE
                    || r.code() == ProblemCode.PROVIDER_TIMEOUT;
        }
        return true;
    }
}

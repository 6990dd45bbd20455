package org.saphan.exchange.metering;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each service's provider as this node has seen it: the last call that worked, the last that failed, and the
 * share of failures among the last {@value #RECENT} provider outcomes. A failure is the provider's fault
 * (error, unavailable, timeout); a refusal the hub made before calling is not counted at all.
 */
public final class ProviderHealth {

    static final int RECENT = 100;
    private static final Set<String> PROVIDER_FAILURES = Set.of("provider-error", "provider-unavailable", "provider-timeout");

    /** What an operator sees per service. */
    public record ServiceHealth(String service, String provider, Instant lastSuccess, Instant lastFailure,
                                int recentCalls, double recentErrorRate) {
    }

    private static final class Seen {
        final String provider;
        final boolean[] failed = new boolean[RECENT];
        int next;
        int size;
        Instant lastSuccess;
        Instant lastFailure;

        Seen(String provider) {
            this.provider = provider;
        }

        synchronized void record(boolean failure, Instant at) {
            failed[next] = failure;
            next = (next + 1) % RECENT;
            size = Math.min(size + 1, RECENT);
            if (failure) {
                lastFailure = at;
            } else {
                lastSuccess = at;
            }
        }

        synchronized ServiceHealth view(String service) {
            int failures = 0;
            for (int i = 0; i < size; i++) {
                failures += failed[i] ? 1 : 0;
            }
            return new ServiceHealth(service, provider, lastSuccess, lastFailure, size, size == 0 ? 0 : (double) failures / size);
        }
    }

    private final Clock clock;
    private final Map<String, Seen> services = new ConcurrentHashMap<>();

    public ProviderHealth(Clock clock) {
        this.clock = clock;
    }

    /** An exchange's outcome; only outcomes where the provider was called or failed count. */
    void record(String provider, String service, String outcome, boolean providerCalled) {
        boolean failure = PROVIDER_FAILURES.contains(outcome);
        if (service == null || provider == null || !(providerCalled || failure)) {
            return;
        }
        services.computeIfAbsent(service, s -> new Seen(provider)).record(failure, clock.instant());
    }

    /** Per service, sorted by service id. */
    public Map<String, ServiceHealth> byService() {
        Map<String, ServiceHealth> out = new TreeMap<>();
        services.forEach((service, seen) -> out.put(service, seen.view(service)));
        return out;
    }
}

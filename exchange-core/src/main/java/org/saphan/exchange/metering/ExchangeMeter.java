package org.saphan.exchange.metering;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.policy.PolicyDecision;
import org.saphan.schemas.ProblemCode;
import org.saphan.exchange.route.EnforceQuota;
import org.saphan.security.signing.ResponseSigner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts every exchange in Micrometer. Labels are bounded by the catalog: consumer agency, provider,
 * service and outcome code; never a citizen ID, officer or free text. Unknown values become
 * {@code unknown} so a caller cannot grow the label space.
 */
public final class ExchangeMeter {

    public static final String EXCHANGES = "saphan.exchanges";
    public static final String EXCHANGE_DURATION = "saphan.exchange.duration";
    public static final String PROVIDER_DURATION = "saphan.provider.duration";
    public static final String UNKNOWN = "unknown";
    /** The reason of a permit that released only public fields, so rests on no legal basis. */
    public static final String NO_PERSONAL_DATA = "no-personal-data";
    public static final String QUOTA_USED = "saphan.quota.used.ratio";
    public static final String SIGNING_DURATION = "saphan.signing.duration";
    public static final String POLICY_DECISIONS = "saphan.policy.decisions";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Tags, Counter> counters = new ConcurrentHashMap<>();
    private final Map<Tags, Timer> timers = new ConcurrentHashMap<>();
    private final Map<Tags, Timer> providerTimers = new ConcurrentHashMap<>();
    private final Map<Tags, AtomicReference<WindowUse>> quotaUse = new ConcurrentHashMap<>();
    private final Map<Tags, Counter> decisions = new ConcurrentHashMap<>();

    private final ProviderHealth providerHealth;
    private final LiveTraffic liveTraffic = new LiveTraffic();

    /** A window's count as last reported to this node: which window it belongs to, and the share of the limit. */
    private record WindowUse(Instant windowStart, double ratio) {
    }

    public ExchangeMeter(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    /** @param clock the hub's clock: quota windows and provider-health times are read from it */
    public ExchangeMeter(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.providerHealth = new ProviderHealth(clock);
    }

    /** Each service's provider as this node has seen it (for operators). */
    public ProviderHealth providerHealth() {
        return providerHealth;
    }

    /** Each service's recent traffic and latency on this node (for the operator console). */
    public LiveTraffic liveTraffic() {
        return liveTraffic;
    }

    /**
     * Counts one decision of the PDPA policy engine. Labels: {@code decision} ({@code permit}, {@code deny}) and
     * {@code reason}: for a denial the engine's problem code, for a permit the legal basis it rests on
     * ({@code no-personal-data} when only public fields are released). Both come from enums, so the label
     * space is fixed.
     */
    public void policyDecision(PolicyDecision decision) {
        Tags tags = Tags.of("decision", decision.permitted() ? "permit" : "deny", "reason", decisionReason(decision));
        decisions.computeIfAbsent(tags, t -> Counter.builder(POLICY_DECISIONS)
                .description("PDPA policy decisions, by decision and reason")
                .tags(t).register(registry)).increment();
    }

    /** The {@code reason} label of a decision (see {@link #policyDecision}). */
    public static String decisionReason(PolicyDecision decision) {
        if (!decision.permitted()) {
            return decision.reason().code();
        }
        return decision.legalBasis() == null ? NO_PERSONAL_DATA : decision.legalBasis().code();
    }

    /**
     * @param consumerAgency the agency of an authenticated client, or null
     * @param service        a catalog service id, or null when none was found
     * @param outcome        {@code ok} or a problem code
     */
    public void count(String consumerAgency, String provider, String service, String outcome,
                      Duration took, Duration providerTook) {
        Tags tags = Tags.of("consumer_agency", orUnknown(consumerAgency), "provider", orUnknown(provider),
                "service", orUnknown(service), "outcome", outcome);
        counters.computeIfAbsent(tags, t -> Counter.builder(EXCHANGES)
                .description("Exchanges handled, by consumer agency, provider, service and outcome")
                .tags(t).register(registry)).increment();
        timers.computeIfAbsent(tags, t -> latency(EXCHANGE_DURATION, "Time from request to answer through the hub", t))
                .record(took);
        providerHealth.record(provider, service, outcome, providerTook != null);
        liveTraffic.record(service, isHubOrProviderFailure(outcome), took);
        if (providerTook != null) {
            Tags providerTags = Tags.of("provider", orUnknown(provider), "service", orUnknown(service));
            providerTimers.computeIfAbsent(providerTags, t -> latency(PROVIDER_DURATION,
                    "Time the provider took to answer the hub", t)).record(providerTook);
        }
    }

    /**
     * The share of an agreement's quota used in the current window, as last counted by this node (0..1, above 1
     * when calls were refused). Labels: agreement id (from the catalog) and window ({@code minute}, {@code day}).
     * <p>
     * The count is kept with the start of the window it belongs to, and the gauge reads it only while that window
     * is still the current one: once the window ends, it reads 0 until the next call is counted. Otherwise a burst
     * followed by silence would hold the last ratio for ever and keep {@code SaphanQuotaNearlyUsed} firing.
     * The listener is not told the window's start, so it is taken from this node's clock when the count is
     * reported; a call counted across a window boundary can thus be shown in the new window until the next
     * counted call replaces it (docs/metering.md).
     */
    public void quotaUsed(Agreement agreement, EnforceQuota.Window window, long uses, int limit) {
        Tags tags = Tags.of("agreement", agreement.id(), "window", window.code());
        quotaUse.computeIfAbsent(tags, t -> {
            AtomicReference<WindowUse> use = new AtomicReference<>(new WindowUse(Instant.EPOCH, 0));
            Gauge.builder(QUOTA_USED, use, u -> currentRatio(window, u.get()))
                    .description("Share of the agreement's quota used in the current window, as last counted by this node")
                    .tags(t).register(registry);
            return use;
        }).set(new WindowUse(window.start(clock.instant()), (double) uses / limit));
    }

    /** The ratio if it was counted in the window that is current now; 0 for a window that has ended. */
    private double currentRatio(EnforceQuota.Window window, WindowUse use) {
        return use.windowStart().equals(window.start(clock.instant())) ? use.ratio() : 0.0;
    }

    /** The signer, timed: signing is on every answer's path, so its cost shows in the exchange latency. */
    public ResponseSigner timedSigning(ResponseSigner signer) {
        Timer timer = Timer.builder(SIGNING_DURATION).description("Time to sign one answer")
                .publishPercentileHistogram().register(registry);
        return (body, exchangeId) -> timer.record(() -> signer.sign(body, exchangeId));
    }

    /** A latency histogram with the SLO buckets operators alert on (10, 50, 100, 250, 500 ms). */
    private Timer latency(String name, String description, Tags tags) {
        return Timer.builder(name).description(description).tags(tags).publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(250), Duration.ofMillis(500))
                .register(registry);
    }

    /** A 5xx: the hub or the provider failed the consumer (a refusal for cause is not an error here). */
    private static boolean isHubOrProviderFailure(String outcome) {
        return !"ok".equals(outcome) && ProblemCode.fromCode(outcome).status() >= 500;
    }

    private static String orUnknown(String value) {
        return value == null ? UNKNOWN : value;
    }
}

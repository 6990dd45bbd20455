package org.saphan.exchange.metering;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Each service's traffic as the operator console shows it: calls and errors since this node started, and the
 * median and 99th percentile of the time to answer over the last two minutes or so (Micrometer's decaying
 * percentiles). Kept in a private registry: Prometheus already has the histograms, and these client-side
 * percentiles cannot be aggregated across nodes, so they must not be scraped as if they could.
 */
public final class LiveTraffic {

    /** How long a latency sample counts towards the percentiles (Micrometer rotates its buffers over this). */
    static final Duration WINDOW = Duration.ofMinutes(2);

    /** What an operator sees per service; latencies in milliseconds, null before the first call of the window. */
    public record ServiceTraffic(String service, long calls, long errors, Double p50Ms, Double p99Ms) {
    }

    private record Counts(Timer latency, LongAdder calls, LongAdder errors) {
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, Counts> services = new ConcurrentHashMap<>();

    /**
     * @param service a catalog service id (exchanges refused before a service was found are not shown)
     * @param failed  whether the consumer got an error the hub or the provider caused (a 5xx)
     */
    public void record(String service, boolean failed, Duration took) {
        if (service == null) {
            return;
        }
        Counts counts = services.computeIfAbsent(service, s -> new Counts(
                Timer.builder("live.latency").tag("service", s).publishPercentiles(0.5, 0.99)
                        .distributionStatisticExpiry(WINDOW).distributionStatisticBufferLength(2).register(registry),
                new LongAdder(), new LongAdder()));
        counts.latency().record(took);
        counts.calls().increment();
        if (failed) {
            counts.errors().increment();
        }
    }

    /** Every service seen so far, sorted by id. */
    public Map<String, ServiceTraffic> byService() {
        Map<String, ServiceTraffic> view = new TreeMap<>();
        services.forEach((service, c) -> {
            HistogramSnapshot snapshot = c.latency().takeSnapshot();
            Double p50 = null;
            Double p99 = null;
            if (snapshot.count() > 0) {
                for (ValueAtPercentile v : snapshot.percentileValues()) {
                    if (v.percentile() == 0.5) {
                        p50 = v.value(TimeUnit.MILLISECONDS);
                    } else if (v.percentile() == 0.99) {
                        p99 = v.value(TimeUnit.MILLISECONDS);
                    }
                }
            }
            view.put(service, new ServiceTraffic(service, c.calls().sum(), c.errors().sum(), p50, p99));
        });
        return view;
    }
}

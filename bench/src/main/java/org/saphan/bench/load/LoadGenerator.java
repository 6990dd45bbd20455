package org.saphan.bench.load;

import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Drives HTTP load with the JDK client and records latencies in an HdrHistogram. Closed loop: a fixed
 * number of requests in flight. Fixed rate: requests are due on a schedule and latency is measured
 * from when each was due, so a stalled server cannot hide its queueing (no coordinated omission).
 */
final class LoadGenerator {

    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final HttpClient client;

    LoadGenerator() {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code failures}: failed requests by HTTP status ("io" when no answer came), to tell a 429 from a 503. */
    record Result(String name, long requests, long ok, long failed, Map<String, Long> failures, double seconds, Histogram latency) {
        double throughput() {
            return ok / seconds;
        }

        double percentileMillis(double p) {
            return latency.getValueAtPercentile(p) / 1_000_000.0;
        }
    }

    /** Keeps {@code concurrency} requests in flight for {@code duration}. */
    Result closedLoop(String name, Supplier<HttpRequest> requests, int concurrency, Duration duration) throws InterruptedException {
        Histogram histogram = new Histogram(MAX_LATENCY_NANOS, 3);
        AtomicLong ok = new AtomicLong();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(concurrency);
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        long sent = 0;
        while (System.nanoTime() < end) {
            if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            long t0 = System.nanoTime();
            sent++;
            send(requests.get()).whenComplete((status, error) -> {
                record(histogram, System.nanoTime() - t0);
                count(ok, failures, status, error);
                slots.release();
            });
        }
        slots.acquire(concurrency); // drain
        double seconds = (System.nanoTime() - started) / 1e9;
        slots.release(concurrency);
        return result(name, sent, ok, failures, seconds, histogram);
    }

    /** Sends {@code ratePerSecond} requests on a fixed schedule for {@code duration}, at most {@code maxInFlight} at once. */
    Result fixedRate(String name, Supplier<HttpRequest> requests, double ratePerSecond, Duration duration, int maxInFlight)
            throws InterruptedException {
        Histogram histogram = new Histogram(MAX_LATENCY_NANOS, 3);
        AtomicLong ok = new AtomicLong();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(maxInFlight);
        long interval = (long) (1e9 / ratePerSecond);
        long start = System.nanoTime();
        long total = (long) (ratePerSecond * duration.toSeconds());
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            slots.acquire();
            send(requests.get()).whenComplete((status, error) -> {
                record(histogram, System.nanoTime() - due); // from when it was due, not when it went out
                count(ok, failures, status, error);
                slots.release();
            });
        }
        slots.acquire(maxInFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        slots.release(maxInFlight);
        return result(name, total, ok, failures, seconds, histogram);
    }

    private static void count(AtomicLong ok, Map<String, Long> failures, Integer status, Throwable error) {
        if (error == null && status == 200) {
            ok.incrementAndGet();
        } else {
            failures.merge(error == null ? String.valueOf(status) : "io", 1L, Long::sum);
        }
    }

    private static Result result(String name, long requests, AtomicLong ok, Map<String, Long> failures, double seconds,
                                 Histogram histogram) {
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        return new Result(name, requests, ok.get(), failed, new TreeMap<>(failures), seconds, histogram);
    }

    private CompletableFuture<Integer> send(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private static void record(Histogram histogram, long nanos) {
        synchronized (histogram) {
            histogram.recordValue(Math.min(nanos, MAX_LATENCY_NANOS));
        }
    }
}

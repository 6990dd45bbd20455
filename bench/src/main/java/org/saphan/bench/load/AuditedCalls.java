package org.saphan.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Load for the reliability drills: closed-loop callers spread over one or more hub nodes, keeping what a
 * client keeps: the exchange id of every 200 it received (to look each one up in the access log later),
 * the statuses, and how many calls got no answer at all (the node was killed under them).
 */
final class AuditedCalls {

    final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
    final List<String> okExchangeIds = new CopyOnWriteArrayList<>();
    final AtomicLong noAnswer = new AtomicLong();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** Runs {@code concurrency} callers, each on the next node in turn, until {@code stop} is set. */
    static AuditedCalls run(List<String> hubs, String token, List<String> citizens, int concurrency, AtomicBoolean stop)
            throws InterruptedException {
        return runWhile(hubs, token, citizens, concurrency, calls -> !stop.get());
    }

    /** Runs {@code concurrency} callers, each on the next node in turn, while {@code goOn}, asked before each call, says so. */
    static AuditedCalls runWhile(List<String> hubs, String token, List<String> citizens, int concurrency, Predicate<AuditedCalls> goOn)
            throws InterruptedException {
        AuditedCalls calls = new AuditedCalls();
        AtomicInteger next = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            callers.submit(() -> {
                while (goOn.test(calls)) {
                    String hub = hubs.get(Math.floorMod(next.getAndIncrement(), hubs.size()));
                    String citizen = citizens.get(ThreadLocalRandom.current().nextInt(citizens.size()));
                    calls.send(ExchangeLoadBenchmark.exchangeRequest(hub, token, citizen));
                }
            });
        }
        callers.shutdown();
        if (!callers.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("callers still busy two minutes after the stop");
        }
        return calls;
    }

    /** {@link #run} for a fixed time. */
    static AuditedCalls runFor(List<String> hubs, String token, List<String> citizens, int concurrency, Duration duration)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Thread timer = new Thread(() -> {
            pause(duration.toMillis());
            stop.set(true);
        });
        timer.start();
        return run(hubs, token, citizens, concurrency, stop);
    }

    long ok() {
        return okExchangeIds.size();
    }

    private void send(HttpRequest request) {
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            statuses.merge(response.statusCode(), 1L, Long::sum);
            if (response.statusCode() == 200) {
                okExchangeIds.add(response.headers().firstValue("X-Exchange-Id").orElseThrow());
            }
        } catch (IOException killedUnderIt) {
            noAnswer.incrementAndGet();
            pause(50); // the node is gone: do not spin until the drill notices
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

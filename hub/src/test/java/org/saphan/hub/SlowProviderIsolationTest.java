package org.saphan.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.saphan.simulators.AgencySimulators;
import org.saphan.simulators.http.FaultMode;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-service bulkhead keeps a slow DOPA from slowing DBD, through the whole hub over real HTTP.
 *
 * <p>What a slow provider takes from the other services is the hub's request threads: an exchange holds its
 * Tomcat thread while it waits on the provider. A hub's threads are finite (Tomcat's 200 by default); this hub
 * has 32, so a test can hold them all with a few dozen callers. DOPA answers slowly (2 s) but within its
 * timeout (3 s, the hub's default): a provider that is slow but answers never opens its circuit breaker, so
 * only DOPA's bulkhead (20 calls at once) stands between it and the threads. Twice as many DOPA calls as
 * threads arrive at once, then DBD calls. With the bulkhead, DOPA holds at most 20 threads and the calls beyond
 * are refused at once with provider-unavailable, so DBD finds threads free. Without it, every thread waits on
 * DOPA and each DBD call queues behind DOPA's backlog for seconds: removing the bulkhead makes this test fail.
 *
 * <p>A hub of its own, not {@link HubTestSupport}'s: it needs a DOPA timeout longer than the shared hub's
 * 700 ms (whose dynamic properties a subclass cannot override), its own simulators so their faults meet no
 * other test, and few request threads. Closed after the test so its threads do not stay.
 */
@SpringBootTest(classes = SaphanHub.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SlowProviderIsolationTest {

    static final int REQUEST_THREADS = 32;
    static final int DOPA_BULKHEAD = 20;      // the default maxConcurrentCalls: the catalog sets none for DOPA
    static final int DOPA_DELAY_MS = 2_000;   // slow, but within DOPA's 3 s timeout
    static final String PROFILE = "DOPA/citizen-profile/v1";
    static final String COMPANY = "DBD/juristic-person/v1";
    static final String CITIZEN = "1103000123455";
    static final String DEMO_COMPANY = "0105600000013";

    static final AgencySimulators SIMULATORS = AgencySimulators.start(0, 0);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("saphan-isolation-test").toString();
        registry.add("saphan.simulators.enabled", () -> "false");
        registry.add("saphan.providers.dopa.base-url", SIMULATORS.dopa()::baseUrl);
        registry.add("saphan.providers.dopa.timeout", () -> "3s");
        registry.add("saphan.providers.msdhs.base-url", SIMULATORS.msdhs()::baseUrl);
        registry.add("saphan.providers.dopa-house.base-url", SIMULATORS.dopaHouse()::baseUrl);
        registry.add("saphan.providers.dbd.base-url", SIMULATORS.dbd()::baseUrl);
        registry.add("saphan.providers.rd.base-url", SIMULATORS.rd()::baseUrl);
        registry.add("saphan.providers.cgd.base-url", SIMULATORS.cgd()::baseUrl);
        registry.add("saphan.data-dir", () -> dataDir);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:isolationtest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        // the hub's shared request threads, bounded as in any deployment, only fewer
        registry.add("server.tomcat.threads.max", () -> String.valueOf(REQUEST_THREADS));
        registry.add("server.tomcat.threads.min-spare", () -> String.valueOf(REQUEST_THREADS));
    }

    @AfterAll
    static void stopSimulators() {
        SIMULATORS.close();
    }

    @Test
    void aSlowDopaDoesNotSlowDbd() throws Exception {
        String token = bearer();
        int dopaCallers = 2 * REQUEST_THREADS;
        int dbdCallers = REQUEST_THREADS - DOPA_BULKHEAD;
        ExecutorService callers = Executors.newFixedThreadPool(dopaCallers + dbdCallers);
        try {
            warmUp(callers, token);
            SIMULATORS.dopa().faults().set(FaultMode.SLOW, DOPA_DELAY_MS);
            SIMULATORS.dopa().resetRequestCount();
            List<Future<Integer>> dopaCalls = new ArrayList<>();
            for (int i = 0; i < dopaCallers; i++) {
                dopaCalls.add(callers.submit(() -> exchange(token, PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}").statusCode()));
            }
            // DBD's callers come once DOPA's bulkhead is full of calls waiting on the provider
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (SIMULATORS.dopa().requestCount() < DOPA_BULKHEAD && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(200);
            List<Future<Long>> dbdCalls = new ArrayList<>();
            for (int i = 0; i < dbdCallers; i++) {
                dbdCalls.add(callers.submit(() -> {
                    long started = System.nanoTime();
                    HttpResponse<String> r = exchange(token, COMPANY, "{\"juristicId\":\"" + DEMO_COMPANY + "\"}");
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    return (System.nanoTime() - started) / 1_000_000;
                }));
            }
            List<Long> latencies = new ArrayList<>();
            Map<Integer, Integer> dopaStatuses = new TreeMap<>();
            try {
                for (Future<Long> f : dbdCalls) {
                    latencies.add(f.get());
                }
            } finally {
                for (Future<Integer> f : dopaCalls) {
                    dopaStatuses.merge(f.get(), 1, Integer::sum);
                }
            }
            Collections.sort(latencies);
            long median = latencies.get(latencies.size() / 2);
            // a DBD call queued behind DOPA's backlog waits for DOPA's answers (2 s each), so half of that is a
            // clear line; the median (not the maximum) keeps a busy machine's scheduling hiccups from failing it
            assertThat(median).as("DBD median latency in ms while DOPA is slow; all: %s; DOPA answers: %s",
                    latencies, dopaStatuses).isLessThan(DOPA_DELAY_MS / 2);
            // DOPA: slow answers, and the calls beyond its bulkhead refused at once (503 provider-unavailable)
            assertThat(dopaStatuses.keySet()).as("DOPA answers").containsOnly(200, 503);
        } finally {
            callers.shutdownNow();
            SIMULATORS.dopa().faults().clear();
        }
    }

    /**
     * A freshly started hub runs its first exchanges interpreted; a few rounds first, so timing is the bulkhead's.
     * Each round stays under DOPA's bulkhead: a cold hub's slow calls would otherwise fill it and be refused.
     */
    private void warmUp(ExecutorService callers, String token) throws Exception {
        for (int round = 0; round < 4; round++) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < DOPA_BULKHEAD / 2; i++) {
                calls.add(callers.submit(() -> exchange(token, PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}").statusCode()));
                calls.add(callers.submit(() -> exchange(token, COMPANY, "{\"juristicId\":\"" + DEMO_COMPANY + "\"}").statusCode()));
            }
            for (Future<Integer> f : calls) {
                assertThat(f.get()).isEqualTo(200);
            }
        }
    }

    private String bearer() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=MSDHS%2Fwelfare-portal"
                        + "&client_secret=demo-welfare-portal-secret")).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return "Bearer " + new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }

    private HttpResponse<String> exchange(String token, String service, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/exchange/" + service))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", token)
                .header("X-Purpose", "welfare-eligibility").header("X-Legal-Basis", "pdpa-24-4")
                .header("X-Officer-Id", "3100600123450").header("X-Request-Id", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

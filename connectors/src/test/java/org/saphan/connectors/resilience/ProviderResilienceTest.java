package org.saphan.connectors.resilience;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saphan.connectors.rest.RestConnector;
import org.saphan.connectors.rest.RestConnectorRoutes;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.CatalogLoader;
import org.saphan.exchange.provider.ProviderEndpoints;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.ProblemCode;
import org.saphan.schemas.ServiceId;
import org.saphan.simulators.AgencySimulators;
import org.saphan.simulators.http.FaultMode;
import org.springframework.core.io.DefaultResourceLoader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries, the per-provider circuit breaker and the per-service bulkhead, on REST routes against real
 * simulators. Each behaviour has its own provider agency so their breakers do not meet.
 */
class ProviderResilienceTest extends CamelTestSupport {

    static final ServiceId RETRIED = ServiceId.parse("DOPA/citizen-profile/v1");
    static final ServiceId BROKEN = ServiceId.parse("DOPB/citizen-profile/v1");
    static final ServiceId NARROW = ServiceId.parse("DOPC/citizen-profile/v1");
    static final String ADULT_MAN = "1103000123455";

    static AgencySimulators retried;
    static AgencySimulators broken;
    static AgencySimulators narrow;

    final ProviderBreakers breakers = new ProviderBreakers(CircuitBreakerConfig.from(ProviderBreakers.DEFAULT)
            .slidingWindowSize(4).minimumNumberOfCalls(4).waitDurationInOpenState(Duration.ofMinutes(5))
            .automaticTransitionFromOpenToHalfOpenEnabled(false).build());

    @BeforeAll
    static void start() {
        retried = AgencySimulators.start(0);
        broken = AgencySimulators.start(0);
        narrow = AgencySimulators.start(0);
    }

    @AfterAll
    static void stop() {
        retried.close();
        broken.close();
        narrow.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String catalogText = """
                purposes:
                  - {code: welfare-eligibility, titleTh: ตรวจสอบสิทธิ, titleEn: Welfare eligibility}
                agencies:
                  - {code: DOPA, nameTh: ก, nameEn: A}
                  - {code: DOPB, nameTh: ข, nameEn: B}
                  - {code: DOPC, nameTh: ค, nameEn: C}
                services:
                """
                + service(RETRIED, retried, "retries: 2\nretryBackoff: 150ms")
                + service(BROKEN, broken, "")
                + service(NARROW, narrow, "maxConcurrentCalls: 2");
        RestConnector connector = new RestConnector(new DefaultResourceLoader());
        Catalog catalog = new CatalogLoader(
                name -> getClass().getResourceAsStream("/" + name.replace("classpath:", "")),
                text -> text, List.of(connector)).load("resilience-test-catalog", catalogText);
        return new RestConnectorRoutes(catalog, connector, breakers);
    }

    private static String service(ServiceId id, AgencySimulators provider, String extra) {
        String settings = """
                baseUrl: %s
                path: /dopa/linkage/citizen-profile
                query: {PID: citizenId}
                mapping: classpath:mappings/DOPA/citizen-profile/v1.yaml
                """.formatted(provider.dopa().baseUrl())
                + extra.lines().filter(l -> !l.startsWith("timeout")).map(l -> l + "\n").reduce("", String::concat);
        return """
                  - id: %s
                    titleTh: ข้อมูลบุคคล
                    titleEn: Citizen profile
                    purposes: [welfare-eligibility]
                    requestSchema: classpath:saphan/schemas/DOPA/citizen-profile/v1/request.schema.json
                    responseSchema: classpath:saphan/schemas/DOPA/citizen-profile/v1/response.schema.json
                    subjectField: citizenId
                    fields: {citizenId: personal, titleTh: personal, firstNameTh: personal, lastNameTh: personal,
                             firstNameEn: personal, lastNameEn: personal, birthDate: personal, gender: personal,
                             nationality: personal, lifeStatus: personal, address: personal}
                    metadata: {owner: X, dataCategory: personal, updateFrequency: real-time, maintainer: X}
                    connector:
                      kind: rest
                      timeout: 2s
                      settings:
                """.formatted(id) + settings.indent(8);
    }

    @Test
    void retriesADroppedConnectionOfAnIdempotentReadWithBackoff() throws Exception {
        retried.dopa().faults().set(FaultMode.DROP);
        retried.dopa().resetRequestCount();
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        Thread watcher = watchArrivals(retried, arrivals);
        try {
            assertThat(refusal(RETRIED)).isEqualTo(ProblemCode.PROVIDER_UNAVAILABLE);
            assertThat(retried.dopa().requestCount()).isEqualTo(3); // the call and two retries
        } finally {
            watcher.interrupt();
            watcher.join();
            retried.dopa().faults().clear();
        }
        // the waits between attempts: the backoff (150 ms) before the first retry, doubled before the second
        assertThat(arrivals).hasSize(3);
        long first = (arrivals.get(1) - arrivals.get(0)) / 1_000_000;
        long second = (arrivals.get(2) - arrivals.get(1)) / 1_000_000;
        assertThat(first).as("ms before the first retry").isBetween(150L, 299L);
        assertThat(second).as("ms before the second retry").isGreaterThanOrEqualTo(300L);
        assertThat(call(RETRIED).getException()).isNull();
    }

    /**
     * Notes when each request reaches the simulator (by polling its request count every millisecond or so; a
     * dropped connection is counted as it arrives), until interrupted.
     */
    private static Thread watchArrivals(AgencySimulators provider, List<Long> arrivals) {
        Thread watcher = new Thread(() -> {
            long seen = provider.dopa().requestCount();
            while (!Thread.currentThread().isInterrupted()) {
                long now = provider.dopa().requestCount();
                for (; seen < now; seen++) {
                    arrivals.add(System.nanoTime());
                }
                LockSupport.parkNanos(500_000);
            }
        }, "arrival-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    @Test
    void opensTheProvidersBreakerUnderFailuresAndThenAnswersUnavailableWithoutCallingIt() {
        broken.dopa().faults().set(FaultMode.FAIL);
        try {
            for (int i = 0; i < 4; i++) {
                assertThat(refusal(BROKEN)).isEqualTo(ProblemCode.PROVIDER_ERROR);
            }
            assertThat(breakers.of("DOPB").getState()).isEqualTo(CircuitBreaker.State.OPEN);
            broken.dopa().resetRequestCount();
            broken.dopa().faults().clear(); // even healthy again, the open breaker does not call it

            long started = System.nanoTime();
            assertThat(refusal(BROKEN)).isEqualTo(ProblemCode.PROVIDER_UNAVAILABLE);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
            assertThat(broken.dopa().requestCount()).isZero();
        } finally {
            broken.dopa().faults().clear();
            breakers.of("DOPB").reset();
        }
        assertThat(call(BROKEN).getException()).isNull();
        assertThat(breakers.of("DOPA").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aSubjectNotFoundDoesNotCountAgainstTheProvider() {
        for (int i = 0; i < 6; i++) {
            Exchange ex = template.send(ProviderEndpoints.of(BROKEN), e -> e.getMessage().setBody(
                    new ObjectMapper().createObjectNode().put("citizenId", "1999900000005")));
            assertThat(((ExchangeRefusal) ex.getException()).code()).isEqualTo(ProblemCode.SUBJECT_NOT_FOUND);
        }
        assertThat(breakers.of("DOPB").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void theBulkheadRefusesCallsBeyondItsLimitAtOnceWhileTheProviderIsSlow() throws Exception {
        narrow.dopa().faults().set(FaultMode.SLOW, 1_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ProblemCode>> waiting = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                waiting.add(pool.submit(() -> refusal(NARROW)));
            }
            Thread.sleep(300); // both calls now wait on the slow provider
            long started = System.nanoTime();
            assertThat(refusal(NARROW)).isEqualTo(ProblemCode.PROVIDER_UNAVAILABLE);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(300));
            for (Future<ProblemCode> f : waiting) {
                assertThat(f.get()).isNull(); // slow, but answered
            }
        } finally {
            pool.shutdownNow();
            narrow.dopa().faults().clear();
        }
    }

    private Exchange call(ServiceId service) {
        return template.send(ProviderEndpoints.of(service),
                e -> e.getMessage().setBody(new ObjectMapper().createObjectNode().put("citizenId", ADULT_MAN)));
    }

    /** The refusal code of a call, or null when it answered. */
    private ProblemCode refusal(ServiceId service) {
        Exception e = call(service).getException();
        if (e == null) {
            return null;
        }
        assertThat(e).isInstanceOf(ExchangeRefusal.class);
        return ((ExchangeRefusal) e).code();
    }
}

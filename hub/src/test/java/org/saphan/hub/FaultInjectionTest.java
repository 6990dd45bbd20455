package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.saphan.security.signing.HubSigningKeys;
import org.saphan.security.signing.KeyAlgorithm;
import org.saphan.security.signing.ResponseSigner;
import org.saphan.security.signing.SigningKeyUnavailableException;
import org.saphan.security.verify.ExchangeSignatureVerifier;
import org.saphan.security.verify.VerificationResult;
import org.saphan.simulators.http.FaultMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

/**
 * Fault drills (issue 10): the hub on a real PostgreSQL under concurrent load while one thing breaks at a time:
 * the provider (slow, failing, resetting connections), the database (its connections killed and refused), the
 * access log (its writer stalled until the queue fills) and the signing key (unusable; and, for real, its keystore
 * file damaged and its directory unwritable). Each drill checks the same four things: the caller gets the standard's error and never a 500; every 200 the caller received has its
 * access-log record (no data released without audit); the hub recovers by itself once the fault ends, without a
 * restart; and the access log's chains verify.
 */
@ActiveProfiles("postgres")
@Import(FaultInjectionTest.OnPostgres.class)
class FaultInjectionTest extends HubTestSupport {

    private static final String DATABASE = "faults";
    private static final EmbeddedPostgres POSTGRES = startPostgres();
    private static final int CONCURRENCY = 8;
    /** This context's own signing keystore, so the keystore drill damages no other test's file. */
    private static final Path KEYS = tempDir("saphan-fault-keys").resolve("keys");
    private static final String KEYSTORE_PASSWORD = UUID.randomUUID().toString(); // a throwaway key of a test run

    @MockitoSpyBean
    private ResponseSigner signer;
    @Autowired
    private HealthEndpoint healthEndpoint;

    @DynamicPropertySource
    static void onPostgres(DynamicPropertyRegistry registry) {
        registry.add("saphan.node-id", () -> "fault-node");
        registry.add("saphan.signing.keystore", () -> KEYS.resolve("hub-signing.p12").toString());
        registry.add("saphan.signing.keystore-password", () -> KEYSTORE_PASSWORD);
        // a small access-log queue and a short commit wait, so the stalled-writer drill fills it within a second
        registry.add("saphan.audit.queue-capacity", () -> "16");
        registry.add("saphan.audit.write-timeout", () -> "1s");
        // the drills hammer one agreement; its demo quota is not what they test
        registry.add("saphan.demo.portal-dopa-quota-per-minute", () -> "100000000");
        registry.add("saphan.demo.portal-dopa-quota-per-day", () -> "1000000000");
    }

    /**
     * The hub's pool on the drill database. A bean rather than {@code spring.datasource.*}, which the shared
     * H2 settings of {@link HubTestSupport} would win over. A short connection timeout: during the outage the
     * callers should hear {@code hub-unavailable} within a second or two, not wait for the pool.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class OnPostgres {
        @Bean
        DataSource dataSource() {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(POSTGRES.getJdbcUrl("postgres", DATABASE));
            pool.setUsername("postgres");
            pool.setPassword("postgres");
            pool.setMaximumPoolSize(10);
            pool.setConnectionTimeout(1000);
            return pool;
        }
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        POSTGRES.close();
    }

    @Test
    void providerSlowFailingOrResettingIsAnsweredWithItsCodeAndRecovers() {
        Map<FaultMode, String> expected = Map.of(
                FaultMode.SLOW, "provider-timeout",
                FaultMode.FAIL, "provider-error",
                FaultMode.DROP, "provider-unavailable");
        for (Map.Entry<FaultMode, String> fault : expected.entrySet()) {
            SIMULATORS.dopa().faults().set(fault.getKey(), Duration.ofSeconds(3));
            Load during = Load.run(this, Duration.ofMillis(1500), null);
            SIMULATORS.dopa().faults().clear();
            assertThat(during.statuses).as("%s: no data while the provider is down", fault.getKey()).doesNotContainKey(200);
            // a failing provider opens its circuit breaker after 10 calls: later calls are refused at once
            assertThat(during.codes.keySet()).as("%s: the standard's codes only", fault.getKey())
                    .contains(fault.getValue()).isSubsetOf(fault.getValue(), "provider-unavailable");
            assertAllAudited("provider " + fault.getKey(), during);
            assertRecoversWithoutRestart(Duration.ofSeconds(20));
        }
        assertChainsVerify();
    }

    @Test
    void databaseGoingAwayMidLoadFailsClosedAndTheHubResumesWhenItReturns() throws Exception {
        String token = bearer(PORTAL, PORTAL_SECRET); // issued before the outage: the outage must not make it work without a check
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<Load> load = background.submit(() -> Load.until(this, stop, token));
        Thread.sleep(1000);
        int readinessDuringOutage;
        Status dbDuringOutage;
        try {
            takeDatabaseAway();
            long outage = System.nanoTime();
            // a node that cannot reach its database leaves the load balancer; the db component says why (the
            // access-log queue may fill up too, so the status alone would not show that db is in the group)
            readinessDuringOutage = readinessSeen(503, Duration.ofSeconds(3));
            dbDuringOutage = healthEndpoint.healthForPath("readiness", "db").getStatus();
            Thread.sleep(Math.max(0, 3000 - (System.nanoTime() - outage) / 1_000_000));
        } finally {
            giveDatabaseBack();
        }
        Thread.sleep(3000);
        stop.set(true);
        Load whole = load.get(60, TimeUnit.SECONDS);
        background.shutdown();
        assertThat(readinessDuringOutage).as("readiness while the database is unreachable").isEqualTo(503);
        assertThat(dbDuringOutage).isEqualTo(Status.DOWN);
        awaitReadiness(200, Duration.ofSeconds(10));

        assertThat(whole.statuses).as("only 200 or 503, never a 500").containsOnlyKeys(200, 503);
        assertThat(whole.codes).as("outage answers are the standard's hub-unavailable").containsOnlyKeys("hub-unavailable");
        assertThat(whole.problemJson.get()).as("every refusal is problem+json").isEqualTo(whole.statuses.get(503));
        assertThat(whole.statuses.getOrDefault(200, 0)).as("the load was served before and after the outage").isPositive();
        assertThat(whole.okAfterFirstFailure.get()).as("200s again after the database came back, without a restart").isPositive();
        assertAllAudited("database outage", whole);
        assertChainsVerify();
    }

    @Test
    void aFullAccessLogQueueRefusesExchangesAndTakesTheNodeOutOfReadiness() throws Exception {
        assertThat(get("/actuator/health/readiness", Map.of()).statusCode()).isEqualTo(200);
        Load during;
        int readinessDuringStall;
        try (Connection lock = POSTGRES.getDatabase("postgres", DATABASE).getConnection(); Statement s = lock.createStatement()) {
            // the writer's INSERT waits on this lock: nothing is committed, the queue fills up behind it
            lock.setAutoCommit(false);
            s.execute("LOCK TABLE audit_record IN ACCESS EXCLUSIVE MODE");
            // readiness is read while the load keeps the queue full: once the load stops, requests give up their
            // records and the queue drains, so a single read afterwards would race with that
            ExecutorService background = Executors.newSingleThreadExecutor();
            Future<Load> load = background.submit(() -> Load.run(this, Duration.ofSeconds(4), null));
            readinessDuringStall = readinessSeen(503, Duration.ofSeconds(4));
            during = load.get(60, TimeUnit.SECONDS);
            background.shutdown();
            lock.rollback();
        }
        assertThat(during.statuses).as("nothing answered while its record could not be written").containsOnlyKeys(503);
        assertThat(during.codes).containsOnlyKeys("hub-unavailable");
        assertThat(readinessDuringStall).as("a node with a full access-log queue leaves the load balancer").isEqualTo(503);
        assertRecoversWithoutRestart(Duration.ofSeconds(20));
        awaitReadiness(200, Duration.ofSeconds(10));
        assertAllAudited("access-log queue full", during);
        assertChainsVerify();
    }

    @Test
    void anUnusableSigningKeyReleasesNothingAndTakesTheNodeOutOfReadiness() {
        Load during;
        int readinessDuringFault;
        try {
            // as if the key store or HSM became unreadable: every signature attempt fails
            doThrow(new SigningKeyUnavailableException("drill: signing key unreadable", null))
                    .when(signer).sign(any(byte[].class), anyString());
            during = Load.run(this, Duration.ofSeconds(1), null);
            readinessDuringFault = get("/actuator/health/readiness", Map.of()).statusCode();
        } finally {
            reset(signer);
        }
        assertThat(during.statuses).as("no unsigned data").containsOnlyKeys(503);
        assertThat(during.codes).containsOnlyKeys("hub-unavailable");
        assertThat(readinessDuringFault).isEqualTo(503);
        assertRecoversWithoutRestart(Duration.ofSeconds(5));
        awaitReadiness(200, Duration.ofSeconds(5));
        assertAllAudited("signing key unusable", during);
        assertChainsVerify();
    }

    /**
     * The keystore file itself, no mock. The hub reads it once at start and signs from memory, so damaging it
     * while the hub runs must not stop or unsign anything, while the next start must refuse it. A rotation writes
     * it (a new file beside it, moved into place): when that cannot be done, the rotation fails and the new key
     * never signs (a key not on disk would vanish at the next start, and the answers it signed would no longer
     * verify); the old key keeps signing. Once the directory is back, a rotation works and rewrites the file whole.
     */
    @Test
    void aDamagedOrUnwritableKeystoreFailsRotationClosedAndNeverUnsignsTheRunningHub() throws Exception {
        Path keystore = KEYS.resolve("hub-signing.p12");
        String operator = bearer("HUB/operator-console", "demo-operator-console-secret");
        String kidBefore = activeKid();
        String jwksBefore = get("/.well-known/jwks.json", Map.of()).body();

        // 1. the file damaged while the hub runs: the key in memory keeps signing; the next start would refuse the file
        byte[] good = Files.readAllBytes(keystore);
        Files.write(keystore, "not a PKCS#12 keystore".getBytes(StandardCharsets.UTF_8));
        Load damaged = Load.run(this, Duration.ofSeconds(1), null);
        assertThat(damaged.statuses).as("the key in memory still signs").containsOnlyKeys(200);
        assertSignedBy(kidBefore);
        assertThat(get("/actuator/health/readiness", Map.of()).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> openKeystore(keystore)).as("what the next start does with the damaged file")
                .isInstanceOf(SigningKeyUnavailableException.class);
        assertAllAudited("keystore file damaged", damaged);

        // 2. the keystore's directory cannot be written (replaced by a file: root ignores permissions) and a rotation
        Path away = KEYS.resolveSibling("keys-away");
        Files.move(KEYS, away);
        Files.writeString(KEYS, "in the way");
        try {
            HttpResponse<String> rotation = post("/api/v1/keys/rotate", "application/json", "", Map.of("Authorization", operator));
            assertThat(rotation.statusCode()).as("a rotation that cannot be persisted fails").isEqualTo(503);
            assertThat(read(rotation.body()).path("code").asText()).isEqualTo("hub-unavailable");
            assertThat(activeKid()).as("no key that is not on disk signs").isEqualTo(kidBefore);
            assertThat(get("/.well-known/jwks.json", Map.of()).body()).as("no new key published").isEqualTo(jwksBefore);
            Load unwritable = Load.run(this, Duration.ofSeconds(1), null);
            assertThat(unwritable.statuses).containsOnlyKeys(200);
            assertSignedBy(kidBefore);
            assertAllAudited("keystore directory unwritable", unwritable);
        } finally {
            Files.delete(KEYS);
            Files.move(away, KEYS);
        }

        // 3. the directory back (the file still damaged): a rotation works, rewrites the file from the keys in
        //    memory, and the new key signs; the next start would load it
        HttpResponse<String> rotation = post("/api/v1/keys/rotate", "application/json", "", Map.of("Authorization", operator));
        assertThat(rotation.statusCode()).isEqualTo(200);
        String kidAfter = read(rotation.body()).path("kid").asText();
        assertThat(kidAfter).isNotEqualTo(kidBefore).isEqualTo(activeKid());
        assertSignedBy(kidAfter);
        assertThat(Files.readAllBytes(keystore)).isNotEqualTo(good); // rewritten whole, both keys in it
        assertThat(openKeystore(keystore).active().kid()).isEqualTo(kidAfter);
        assertThat(openKeystore(keystore).publicJwks().getKeyByKeyId(kidBefore)).as("the old key still verifies").isNotNull();
        assertChainsVerify();
    }

    private static HubSigningKeys openKeystore(Path keystore) {
        return HubSigningKeys.openOrCreate(keystore, KEYSTORE_PASSWORD.toCharArray(), KeyAlgorithm.ES256, Duration.ofDays(30),
                Clock.systemUTC());
    }

    /** The kid the hub signs with now (the first key of its JWKS is the active one). */
    private String activeKid() {
        return read(get("/.well-known/jwks.json", Map.of()).body()).path("keys").path(0).path("kid").asText();
    }

    /** One exchange now: 200, and its signature verifies against the published JWKS under {@code kid}. */
    private void assertSignedBy(String kid) throws Exception {
        HttpResponse<String> answer = exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}",
                exchangeHeaders(bearer(PORTAL, PORTAL_SECRET)));
        assertThat(answer.statusCode()).isEqualTo(200);
        VerificationResult verified = new ExchangeSignatureVerifier().verify(answer.body().getBytes(StandardCharsets.UTF_8),
                answer.headers().firstValue("X-Exchange-Signature").orElseThrow(),
                JWKSet.parse(get("/.well-known/jwks.json", Map.of()).body()));
        assertThat(verified.valid()).as(verified.reason()).isTrue();
        assertThat(verified.kid()).isEqualTo(kid);
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** What a load run saw: statuses, problem codes, and the exchange id of every 200. */
    static final class Load {
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        final Map<String, Integer> codes = new ConcurrentHashMap<>();
        final List<String> okExchangeIds = new CopyOnWriteArrayList<>();
        final AtomicInteger problemJson = new AtomicInteger();
        final AtomicInteger okAfterFirstFailure = new AtomicInteger();
        private final AtomicBoolean failedOnce = new AtomicBoolean();

        static Load run(FaultInjectionTest test, Duration duration, String token) {
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService timer = Executors.newSingleThreadExecutor();
            timer.submit(() -> {
                Thread.sleep(duration.toMillis());
                stop.set(true);
                return null;
            });
            timer.shutdown();
            return until(test, stop, token);
        }

        /** {@link FaultInjectionTest#CONCURRENCY} callers, each sending exchanges one after another until {@code stop}. */
        static Load until(FaultInjectionTest test, AtomicBoolean stop, String givenToken) {
            String token = givenToken == null ? test.bearer(PORTAL, PORTAL_SECRET) : givenToken;
            Load load = new Load();
            ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
            for (int i = 0; i < CONCURRENCY; i++) {
                callers.submit(() -> {
                    while (!stop.get()) {
                        load.note(test.exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", test.exchangeHeaders(token)));
                    }
                });
            }
            callers.shutdown();
            try {
                assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return load;
        }

        private void note(HttpResponse<String> response) {
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 200) {
                okExchangeIds.add(response.headers().firstValue("X-Exchange-Id").orElseThrow());
                if (failedOnce.get()) {
                    okAfterFirstFailure.incrementAndGet();
                }
                return;
            }
            failedOnce.set(true);
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                problemJson.incrementAndGet();
            }
            codes.merge(read(response.body()).path("code").asText("(none)"), 1, Integer::sum);
        }
    }

    /** Every 200 the callers received has its permit record, with status 200, in the access log. Prints the counts. */
    private void assertAllAudited(String drill, Load load) {
        Set<String> permits = new HashSet<>();
        try (Connection c = POSTGRES.getDatabase("postgres", DATABASE).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT exchange_id FROM audit_record WHERE decision = 'permit' AND http_status = 200")) {
            while (rs.next()) {
                permits.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<String> missing = new ArrayList<>(load.okExchangeIds);
        missing.removeAll(permits);
        assertThat(missing).as("200 responses without an access-log record (of %d)", load.okExchangeIds.size()).isEmpty();
        System.out.printf("fault drill %s: statuses %s, codes %s, %d 200s all audited%n", drill, load.statuses, load.codes,
                load.okExchangeIds.size());
    }

    private void assertRecoversWithoutRestart(Duration within) {
        String token = bearer(PORTAL, PORTAL_SECRET);
        long deadline = System.nanoTime() + within.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(token)).statusCode();
            if (status != 200) {
                pause(200);
            }
        }
        assertThat(status).as("the hub serves again once the fault has ended").isEqualTo(200);
    }

    private void awaitReadiness(int wanted, Duration within) {
        assertThat(readinessSeen(wanted, within)).isEqualTo(wanted);
    }

    /** Polls readiness until it answers {@code wanted} or the time is up; gives the last status seen. */
    private int readinessSeen(int wanted, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && (status = get("/actuator/health/readiness", Map.of()).statusCode()) != wanted) {
            pause(100);
        }
        return status;
    }

    private void assertChainsVerify() {
        HttpResponse<String> verify = get("/api/v1/audit/verify",
                Map.of("Authorization", bearer("HUB/audit-console", "demo-audit-console-secret")));
        JsonNode report = read(verify.body());
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(report.path("valid").asBoolean()).as("access log verifies: %s", verify.body()).isTrue();
    }

    /** Kills the hub's database sessions and refuses new ones, as a crashed or unreachable server would. */
    private static void takeDatabaseAway() throws SQLException {
        try (Connection c = POSTGRES.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
        }
    }

    private static void giveDatabaseBack() throws SQLException {
        try (Connection c = POSTGRES.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.saphan.connectors.resilience.ProviderBreakers;
import org.saphan.simulators.AgencySimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The hub as a user runs it, on a random port with an in-memory database, calling the real simulated
 * agencies (REST and SOAP) over HTTP. All full-stack tests share this one Spring configuration (one context).
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = SaphanHub.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HubTestSupport {

    public static final String CITIZEN = "1103000123455";
    public static final String UNKNOWN_CITIZEN = "1999900000005";
    public static final String OFFICER = "3100600123450";
    public static final String PORTAL = "MSDHS/welfare-portal";
    public static final String PORTAL_SECRET = "demo-welfare-portal-secret";
    public static final String PROFILE = "DOPA/citizen-profile/v1";
    public static final String DISABILITY = "MSDHS/disability-status/v1";
    /** The demo citizen who holds a disability card (physical). */
    public static final String CARD_HOLDER = "1901100567895";
    public static final String CITIZEN_PORTAL = "DGA/citizen-portal";
    public static final String CITIZEN_PORTAL_SECRET = "demo-citizen-portal-secret";

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final AgencySimulators SIMULATORS = AgencySimulators.start(0, 0);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    @Autowired
    private ProviderBreakers providerBreakers;

    /**
     * Every test starts with healthy providers: no simulator fault left on, no circuit breaker left open by a
     * test that injected failures on purpose (the breakers are shared by the one Spring context).
     */
    @BeforeEach
    void healthyProviders() {
        SIMULATORS.dopa().faults().clear();
        SIMULATORS.msdhs().faults().clear();
        SIMULATORS.dopaHouse().faults().clear();
        SIMULATORS.dbd().faults().clear();
        SIMULATORS.rd().faults().clear();
        SIMULATORS.cgd().faults().clear();
        providerBreakers.resetAll();
    }

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("saphan.simulators.enabled", () -> "false");
        registry.add("saphan.providers.dopa.base-url", SIMULATORS.dopa()::baseUrl);
        registry.add("saphan.providers.dopa.timeout", () -> "700ms");
        registry.add("saphan.providers.msdhs.base-url", SIMULATORS.msdhs()::baseUrl);
        registry.add("saphan.providers.msdhs.timeout", () -> "700ms");
        registry.add("saphan.providers.dopa-house.base-url", SIMULATORS.dopaHouse()::baseUrl);
        registry.add("saphan.providers.dbd.base-url", SIMULATORS.dbd()::baseUrl);
        registry.add("saphan.providers.rd.base-url", SIMULATORS.rd()::baseUrl);
        registry.add("saphan.providers.cgd.base-url", SIMULATORS.cgd()::baseUrl);
        registry.add("saphan.providers.cgd.timeout", () -> "1s");
        registry.add("saphan.data-dir", DATA_DIR::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:hubtest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("saphan-hub-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected HttpResponse<String> token(String clientId, String secret) {
        return post("/api/v1/auth/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret), Map.of());
    }

    protected String bearer(String clientId, String secret) {
        HttpResponse<String> response = token(clientId, secret);
        if (response.statusCode() != 200) {
            throw new AssertionError("token refused: " + response.body());
        }
        return "Bearer " + read(response.body()).path("access_token").asText();
    }

    /** The exchange headers of a good call, which a test may change. */
    protected Map<String, String> exchangeHeaders(String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("X-Purpose", "welfare-eligibility");
        headers.put("X-Legal-Basis", "pdpa-24-4");
        headers.put("X-Officer-Id", OFFICER);
        headers.put("X-Request-Id", UUID.randomUUID().toString());
        return headers;
    }

    protected HttpResponse<String> exchange(String service, String body, Map<String, String> headers) {
        return post("/api/v1/exchange/" + service, "application/json", body, headers);
    }

    protected HttpResponse<String> post(String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((k, v) -> {
            if (v != null) {
                request.header(k, v);
            }
        });
        return send(request.build());
    }

    protected HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

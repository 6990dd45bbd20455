package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: every endpoint that reads a body is bounded (size, JSON depth and string length), not only the exchange;
 * an oversized request is {@code payload-too-large} in problem+json, declared or chunked. And the actuator exposes
 * health and Prometheus only, with no details and no secrets.
 */
class InputLimitsAndActuatorTest extends HubTestSupport {

    private static final int OVER_LIMIT = 70_000; // saphan.exchange.max-body-bytes is 64 KiB

    @Test
    void oversizedBodiesAreRefusedOnEveryEndpointThatReadsOne() {
        String citizenPortal = bearer(CITIZEN_PORTAL, CITIZEN_PORTAL_SECRET);
        String bigJson = "{\"citizenId\":\"" + CITIZEN + "\",\"pad\":\"" + "x".repeat(OVER_LIMIT) + "\"}";
        String bigForm = "grant_type=client_credentials&client_id=x&client_secret=" + "x".repeat(OVER_LIMIT);

        assertTooLarge(post("/api/v1/consents", "application/json", bigJson, Map.of("Authorization", citizenPortal)));
        assertTooLarge(post("/api/v1/auth/token", "application/x-www-form-urlencoded", bigForm, Map.of()));
        assertTooLarge(post("/api/v1/auth/revoke", "application/x-www-form-urlencoded", bigForm, Map.of()));
        assertTooLarge(exchange(PROFILE, bigJson, exchangeHeaders(bearer(PORTAL, PORTAL_SECRET))));
        // no Content-Length: the body is counted while it is read, and reading stops at the limit (a body of short
        // strings, so that no JSON limit stops the parser first)
        String manyStrings = "{\"citizenId\":\"" + CITIZEN + "\",\"pad\":[" + ("\"" + "x".repeat(998) + "\",").repeat(70) + "\"x\"]}";
        assertTooLarge(send(HttpRequest.newBuilder(URI.create(url("/api/v1/consents"))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Authorization", citizenPortal)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(manyStrings.getBytes(StandardCharsets.UTF_8)))).build()));
    }

    @Test
    void deepOrLongJsonIsAnInvalidRequestNotAnAllocation() {
        String citizenPortal = bearer(CITIZEN_PORTAL, CITIZEN_PORTAL_SECRET);
        String deep = "{\"citizenId\":" + "[".repeat(40) + "]".repeat(40) + "}";
        String longString = "{\"citizenId\":\"" + CITIZEN + "\",\"noticeReference\":\"" + "x".repeat(20_000) + "\"}";
        for (String body : new String[] {deep, longString}) {
            HttpResponse<String> consent = post("/api/v1/consents", "application/json", body, Map.of("Authorization", citizenPortal));
            assertThat(consent.statusCode()).as(consent.body()).isEqualTo(400);
            assertThat(read(consent.body()).path("code").asText()).isEqualTo("invalid-request");
            HttpResponse<String> exchange = exchange(PROFILE, body, exchangeHeaders(bearer(PORTAL, PORTAL_SECRET)));
            assertThat(exchange.statusCode()).as(exchange.body()).isEqualTo(400);
        }
    }

    @Test
    void oversizedHeadersAreRefusedBeforeTheApplication() {
        HttpResponse<String> response = get("/ws/auth/validate?ConsumerSecret=" + "x".repeat(9_000), Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/actuator/configprops", "/actuator/heapdump", "/actuator/threaddump",
            "/actuator/beans", "/actuator/loggers", "/actuator/mappings", "/actuator/metrics", "/actuator/info",
            "/actuator/conditions", "/actuator/scheduledtasks", "/actuator/caches", "/actuator/flyway",
            "/actuator/startup", "/actuator/shutdown", "/actuator/camelroutes"})
    void onlyHealthAndPrometheusAreExposed(String path) {
        String operator = bearer("HUB/operator-console", "demo-operator-console-secret");
        for (Map<String, String> headers : java.util.List.of(Map.<String, String>of(), Map.of("Authorization", operator))) {
            HttpResponse<String> read = get(path, headers);
            assertThat(read.statusCode()).as(path).isIn(401, 403, 404);
            HttpResponse<String> write = post(path, "application/json", "{}", headers);
            assertThat(write.statusCode()).as(path).isIn(401, 403, 404, 405);
        }
    }

    @Test
    void healthShowsNoDetailsAndNoSecrets() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> health = get(path, Map.of());
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            JsonNode body = read(health.body());
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.has("components")).as("no details: " + health.body()).isFalse();
            assertThat(body.has("details")).isFalse();
        }
        HttpResponse<String> prometheus = get("/actuator/prometheus", Map.of());
        assertThat(prometheus.statusCode()).isEqualTo(200);
        for (String text : new String[] {get("/actuator/health", Map.of()).body(), prometheus.body()}) {
            assertThat(text).doesNotContain("demo-", "secret", "password", "jdbc:");
        }
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(read(response.body()).path("code").asText()).isEqualTo("payload-too-large");
    }
}

package org.saphan.hub;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GDX-compatible face, called the way published GDX client code calls it: plain GETs, the
 * Consumer-Key header, the token from {"Result": ...} in a Token header, and the form content type
 * those clients set even on GETs.
 */
class GdxFaceTest extends HubTestSupport {

    static final String CONSUMER_KEY = "6f1c2a7e-3b9d-4c52-9e8a-51d0b7a4c3e2";
    static final String ELDERLY_KEY = "0b8e5d21-7c4a-4f3e-a6d9-2e1f9c7b5a80";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGdxClientGetsATokenAndLooksUpACitizenThroughTheSameExchange() {
        String token = validate(CONSUMER_KEY, PORTAL_SECRET, OFFICER);

        HttpResponse<String> response = gdxGet("/ws/dopa/citizen-profile/v1?CitizenID=" + CITIZEN, CONSUMER_KEY, token);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = read(response.body());
        assertThat(body.path("data").path("firstNameTh").asText()).isEqualTo("สมชาย");
        assertThat(body.path("data").has("nationality")).isFalse(); // the agreement's minimisation applies
        assertThat(response.headers().firstValue("X-Exchange-Signature")).isPresent();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_record WHERE exchange_id = ?",
                body.path("exchangeId").asText());
        assertThat(row.get("decision")).isEqualTo("permit");
        assertThat(row.get("consumer")).isEqualTo(PORTAL);
        assertThat(row.get("officer")).isEqualTo(OFFICER);          // AgentID is the officer
        assertThat(row.get("purpose")).isEqualTo("welfare-eligibility"); // from the agreement
        assertThat(row.get("legal_basis")).isEqualTo("pdpa-24-4");
        assertThat((String) row.get("request_id")).hasSize(36);
    }

    @Test
    void validateRefusesInGdxForm() {
        HttpResponse<String> unknownKey = validateResponse("00000000-0000-4000-8000-000000000000", PORTAL_SECRET, OFFICER);
        assertThat(unknownKey.statusCode()).isEqualTo(403);
        assertThat(read(unknownKey.body()).path("Code").asText()).isEqualTo("consumer-not-found");
        assertThat(read(unknownKey.body()).has("Message")).isTrue();

        HttpResponse<String> wrongSecret = validateResponse(CONSUMER_KEY, "not-the-secret", OFFICER);
        assertThat(wrongSecret.statusCode()).isEqualTo(403);
        assertThat(wrongSecret.body()).isEqualTo(unknownKey.body()).doesNotContain("not-the-secret");

        HttpResponse<String> badAgent = validateResponse(CONSUMER_KEY, PORTAL_SECRET, "3100600123458");
        assertThat(badAgent.statusCode()).isEqualTo(400);
        assertThat(read(badAgent.body()).path("Code").asText()).isEqualTo("invalid-request");

        HttpResponse<String> noKey = send(HttpRequest.newBuilder(URI.create(url(
                "/ws/auth/validate?ConsumerSecret=x&AgentID=" + OFFICER))).GET().build());
        assertThat(noKey.statusCode()).isEqualTo(400);
    }

    @Test
    void repeatedFailedValidationsAreLimitedInGdxForm() {
        String guessedKey = java.util.UUID.randomUUID().toString();
        for (int i = 0; i < 10; i++) {
            assertThat(validateResponse(guessedKey, "guess-" + i, OFFICER).statusCode()).isEqualTo(403);
        }
        HttpResponse<String> blocked = validateResponse(guessedKey, "guess-10", OFFICER);
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(read(blocked.body()).path("Code").asText()).isEqualTo("too-many-attempts");
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void serviceCallsRefuseInGdxFormAndEveryRefusalIsAudited() {
        String token = validate(CONSUMER_KEY, PORTAL_SECRET, OFFICER);

        HttpResponse<String> badToken = gdxGet("/ws/dopa/citizen-profile/v1?CitizenID=" + CITIZEN, CONSUMER_KEY, "gdx_nope");
        assertRefused(badToken, 401, "token-not-found", "unauthenticated");

        HttpResponse<String> unknownConsumer = gdxGet("/ws/dopa/citizen-profile/v1?CitizenID=" + CITIZEN,
                "00000000-0000-4000-8000-000000000000", token);
        assertRefused(unknownConsumer, 403, "consumer-not-found", "unauthenticated");

        // a token belongs to its consumer: another Consumer-Key with it is not enough
        assertRefused(gdxGet("/ws/dopa/citizen-profile/v1?CitizenID=" + CITIZEN, ELDERLY_KEY, token),
                401, "token-not-found", "unauthenticated");

        HttpResponse<String> badCitizen = gdxGet("/ws/dopa/citizen-profile/v1?CitizenID=1103000123456", CONSUMER_KEY, token);
        assertRefused(badCitizen, 400, "invalid-citizen-id", "invalid-citizen-id");
        assertThat(badCitizen.body()).doesNotContain("1103000123456");

        assertRefused(gdxGet("/ws/dopa/no-such/v1?CitizenID=" + CITIZEN, CONSUMER_KEY, token),
                404, "unknown-service", "unknown-service");
        assertRefused(gdxGet("/ws/dopa/citizen-profile/v1", CONSUMER_KEY, token), 400, "invalid-request", "invalid-request");
    }

    @Test
    void anAgreementWithSeveralLegalBasesCannotBeUsedThroughGdx() {
        String token = validate(ELDERLY_KEY, "demo-elderly-allowance-secret", OFFICER);
        HttpResponse<String> refused = gdxGet("/ws/dopa/citizen-profile/v1?CitizenID=" + CITIZEN, ELDERLY_KEY, token);
        assertRefused(refused, 400, "invalid-request", "invalid-request");
        assertThat(read(refused.body()).path("Message").asText()).contains("more than one purpose or legal basis");
    }

    @Test
    void tokensIdleOutAfterSixtyMinutesWithoutUseAndUseKeepsThemAlive() {
        String token = validate(CONSUMER_KEY, PORTAL_SECRET, OFFICER);
        String hash = org.saphan.exchange.auth.AccessTokens.hash(token);

        // used 59 minutes after its last use: still alive, and the use restarts its idle clock
        jdbc.update("UPDATE gdx_token SET last_used_at = ? WHERE token_hash = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(59))), hash);
        assertThat(gdxGet("/ws/dopa/citizen-profile/v1?CitizenID=" + CITIZEN, CONSUMER_KEY, token).statusCode()).isEqualTo(200);
        Timestamp lastUse = jdbc.queryForObject("SELECT last_used_at FROM gdx_token WHERE token_hash = ?", Timestamp.class, hash);
        assertThat(lastUse.toInstant()).isAfter(Instant.now().minus(Duration.ofMinutes(1)));

        // 61 minutes without use: dead on every node (the database says so)
        jdbc.update("UPDATE gdx_token SET last_used_at = ? WHERE token_hash = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(61))), hash);
        assertRefused(gdxGet("/ws/dopa/citizen-profile/v1?CitizenID=" + CITIZEN, CONSUMER_KEY, token),
                401, "token-not-found", "unauthenticated");
    }

    @Test
    void anOperatorRevocationEndsGdxTokensToo() {
        String token = validate(ELDERLY_KEY, "demo-elderly-allowance-secret", "welfare-batch");
        String operator = bearer("HUB/operator-console", "demo-operator-console-secret");
        HttpResponse<String> done = post("/api/v1/clients/MSDHS/elderly-allowance/revoke-tokens", "application/json", "",
                Map.of("Authorization", operator));
        assertThat(read(done.body()).path("revokedGdxTokens").asInt()).isGreaterThanOrEqualTo(1);
        assertRefused(gdxGet("/ws/dopa/citizen-profile/v1?CitizenID=" + CITIZEN, ELDERLY_KEY, token),
                401, "token-not-found", "unauthenticated");
    }

    @Test
    void everyAnswerBelowWsIsInGdxFormEvenForPathsTheFaceDoesNotHaveAndNoneIsLogged() {
        // docs/security.md, finding 6: these never reach a GDX mapping, and used to get the hub's problem+json
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(events);
        try {
            for (String path : List.of("/ws/dopa//v1?CitizenID=" + CITIZEN, "/ws/dopa/citizen-profile/v1/" + CITIZEN,
                    "/ws/" + CITIZEN, "/ws/auth/validate/" + CITIZEN + "/v1", "/ws/", "/ws")) {
                assertGdxForm(gdxGet(path, CONSUMER_KEY, "gdx_nope"), 404, "not-found", path);
            }
            // every GDX path is read with GET
            HttpResponse<String> posted = post("/ws/dopa/citizen-profile/v1", "application/x-www-form-urlencoded",
                    "CitizenID=" + CITIZEN, Map.of("Consumer-Key", CONSUMER_KEY));
            assertGdxForm(posted, 405, "method-not-allowed", "POST");
            assertThat(posted.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
            // the body limit of every endpoint (RequestLimits) answers in GDX's form here too
            HttpResponse<String> oversized = send(HttpRequest.newBuilder(URI.create(url("/ws/dopa/citizen-profile/v1")))
                    .header("Consumer-Key", CONSUMER_KEY).method("GET", HttpRequest.BodyPublishers.ofString("x".repeat(70_000)))
                    .build());
            assertGdxForm(oversized, 413, "payload-too-large", "oversized body");
        } finally {
            root.detachAppender(events);
        }
        // a mistyped path can hold a citizen ID: it is answered, never logged
        assertThat(events.list).noneSatisfy(event -> assertThat(event.getFormattedMessage()).contains(CITIZEN));
    }

    private static void assertGdxForm(HttpResponse<String> response, int status, String code, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(what)
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = read(response.body());
        assertThat(body.path("Code").asText()).as(what).isEqualTo(code);
        assertThat(body.path("Message").asText()).as(what).isNotBlank().doesNotContain(CITIZEN);
        assertThat(body.has("code")).as(what + ": not problem+json").isFalse();
    }

    private void assertRefused(HttpResponse<String> response, int status, String gdxCode, String auditCode) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = read(response.body());
        assertThat(body.path("Code").asText()).isEqualTo(gdxCode);
        assertThat(body.path("Message").asText()).isNotBlank();
        String exchangeId = response.headers().firstValue("X-Exchange-Id").orElseThrow();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_record WHERE exchange_id = ?", exchangeId);
        assertThat(row.get("decision")).isEqualTo("deny");
        assertThat(row.get("reason_code")).isEqualTo(auditCode);
    }

    private String validate(String consumerKey, String secret, String agentId) {
        HttpResponse<String> response = validateResponse(consumerKey, secret, agentId);
        assertThat(response.statusCode()).isEqualTo(200);
        String token = read(response.body()).path("Result").asText();
        assertThat(token).startsWith("gdx_");
        return token;
    }

    private HttpResponse<String> validateResponse(String consumerKey, String secret, String agentId) {
        return send(HttpRequest.newBuilder(URI.create(url(String.format("/ws/auth/validate?ConsumerSecret=%s&AgentID=%s",
                        secret, agentId))))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Consumer-Key", consumerKey).GET().build());
    }

    private HttpResponse<String> gdxGet(String path, String consumerKey, String token) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Consumer-Key", consumerKey).header("Token", token).GET().build());
    }
}

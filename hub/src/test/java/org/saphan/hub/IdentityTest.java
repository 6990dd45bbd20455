package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.saphan.exchange.catalog.Catalog;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saphan.exchange.auth.AuthAttempts;
import org.saphan.exchange.replay.SeenRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Client authentication limits, token revocation, replay protection and the agreements view, over real HTTP. */
@ExtendWith(OutputCaptureExtension.class)
class IdentityTest extends HubTestSupport {

    private static final String BODY = "{\"citizenId\":\"" + CITIZEN + "\"}";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuthAttempts attempts;

    @Test
    void repeatedWrongSecretsForOneClientAreRefusedWith429AndRetryAfter(CapturedOutput output) {
        String guessed = "MSDHS/guessed-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 10; i++) {
            assertThat(token(guessed, "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> blocked = token(guessed, "guess-10");
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(read(blocked.body()).path("code").asText()).isEqualTo("too-many-attempts");
        assertThat(blocked.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(s ->
                assertThat(s).isBetween(1L, 15 * 60L + 1));
        assertThat(blocked.headers().firstValue("Content-Type")).contains("application/problem+json");
        // failures are logged with the client id and address, never the secret
        assertThat(output.getAll()).contains("authentication failed: client=" + guessed).doesNotContain("guess-3");
    }

    @Test
    void limitsHoldPerClientAndPerAddressAndBlockEvenTheRightSecret() {
        String client = "RD/limited-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 9; i++) {
            attempts.failed(client, "198.51.100.7", "test");
        }
        assertThat(attempts.blockedFor(client, "198.51.100.8")).isEmpty();
        attempts.failed(client, "198.51.100.7", "test");
        assertThat(attempts.blockedFor(client, "198.51.100.8")).isPresent(); // the client is blocked from any address

        String address = "203.0.113." + (int) (Math.random() * 200);
        for (int i = 0; i < 50; i++) {
            attempts.failed("HUB/other-" + i, address, "test");
        }
        assertThat(attempts.blockedFor("MSDHS/welfare-portal", address)).isPresent(); // the address is blocked for any client
        assertThat(attempts.blockedFor("MSDHS/welfare-portal", "203.0.113.250")).isEmpty();

        // the counts are rows in the shared database: another node (another AuthAttempts) sees the same block
        AuthAttempts otherNode = new AuthAttempts(jdbc, Clock.systemUTC(), 10, 50, Duration.ofMinutes(15));
        assertThat(otherNode.blockedFor(client, "192.0.2.1")).isPresent();
        // and once the window has passed, the client may try again
        AuthAttempts later = new AuthAttempts(jdbc, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)), 10, 50,
                Duration.ofMinutes(15));
        assertThat(later.blockedFor(client, "192.0.2.1")).isEmpty();
    }

    @Test
    void aClientRevokesItsOwnTokenRfc7009() {
        String token = bearer(PORTAL, PORTAL_SECRET);
        String raw = token.substring("Bearer ".length());
        assertThat(exchange(PROFILE, BODY, exchangeHeaders(token)).statusCode()).isEqualTo(200);

        // another client cannot revoke it (answer is 200 all the same, so nothing is learned)
        HttpResponse<String> foreign = post("/api/v1/auth/revoke", "application/x-www-form-urlencoded", "token=" + raw,
                Map.of("Authorization", basic("RD/tax-audit", "demo-tax-audit-secret")));
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(exchange(PROFILE, BODY, exchangeHeaders(token)).statusCode()).isEqualTo(200);

        HttpResponse<String> unauthenticated = post("/api/v1/auth/revoke", "application/x-www-form-urlencoded",
                "token=" + raw, Map.of());
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(read(unauthenticated.body()).path("code").asText()).isEqualTo("unauthenticated");
        assertThat(post("/api/v1/auth/revoke", "application/x-www-form-urlencoded", "token=" + raw,
                Map.of("Authorization", basic(PORTAL, "wrong"))).statusCode()).isEqualTo(401);

        HttpResponse<String> revoked = post("/api/v1/auth/revoke", "application/x-www-form-urlencoded", "token=" + raw,
                Map.of("Authorization", basic(PORTAL, PORTAL_SECRET)));
        assertThat(revoked.statusCode()).isEqualTo(200);
        HttpResponse<String> after = exchange(PROFILE, BODY, exchangeHeaders(token));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(read(after.body()).path("code").asText()).isEqualTo("unauthenticated");

        // a client may also revoke with the token itself as its credential
        String second = bearer(PORTAL, PORTAL_SECRET);
        assertThat(post("/api/v1/auth/revoke", "application/x-www-form-urlencoded",
                "token=" + second.substring(7), Map.of("Authorization", second)).statusCode()).isEqualTo(200);
        assertThat(exchange(PROFILE, BODY, exchangeHeaders(second)).statusCode()).isEqualTo(401);
    }

    @Test
    void anOperatorRevokesEveryTokenOfAClient() {
        String one = bearer("HUB/audit-console", "demo-audit-console-secret");
        String two = bearer("HUB/audit-console", "demo-audit-console-secret");
        String operator = bearer("HUB/operator-console", "demo-operator-console-secret");
        assertThat(post("/api/v1/clients/HUB/audit-console/revoke-tokens", "application/json", "",
                Map.of("Authorization", one)).statusCode()).isEqualTo(403);

        HttpResponse<String> done = post("/api/v1/clients/HUB/audit-console/revoke-tokens", "application/json", "",
                Map.of("Authorization", operator));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(read(done.body()).path("revokedTokens").asInt()).isGreaterThanOrEqualTo(2);
        for (String revoked : new String[] {one, two}) {
            HttpResponse<String> refused = get("/api/v1/agreements", Map.of("Authorization", revoked));
            assertThat(refused.statusCode()).isEqualTo(401);
        }
        assertThat(get("/api/v1/agreements", Map.of("Authorization", operator)).statusCode()).isEqualTo(200);
    }

    @Test
    void aRepeatedRequestIdIsReplayedButOtherClientsMayUseTheSameId() {
        String requestId = UUID.randomUUID().toString();
        Map<String, String> headers = exchangeHeaders(bearer(PORTAL, PORTAL_SECRET));
        headers.put("X-Request-Id", requestId);
        assertThat(exchange(PROFILE, BODY, headers).statusCode()).isEqualTo(200);

        HttpResponse<String> again = exchange(PROFILE, BODY, headers);
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode problem = read(again.body());
        assertThat(problem.path("code").asText()).isEqualTo("replayed-request");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_record WHERE exchange_id = ?",
                problem.path("exchangeId").asText());
        assertThat(row.get("reason_code")).isEqualTo("replayed-request");
        assertThat(row.get("request_id")).isEqualTo(requestId);

        // the key is (client, request id): another client system may use the same id
        Map<String, String> other = exchangeHeaders(bearer("MSDHS/elderly-allowance", "demo-elderly-allowance-secret"));
        other.put("X-Request-Id", requestId);
        other.put("X-Legal-Basis", "pdpa-24-6");
        assertThat(exchange(PROFILE, BODY, other).statusCode()).isEqualTo(200);
    }

    @Test
    void theReplayRegisterIsSharedByNodesAndForgetsAfterTheWindow() {
        Instant start = Instant.now();
        SeenRequests nodeOne = new SeenRequests(jdbc, Clock.fixed(start, ZoneOffset.UTC), Duration.ofMinutes(10));
        SeenRequests nodeTwo = new SeenRequests(jdbc, Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC), Duration.ofMinutes(10));
        String id = UUID.randomUUID().toString();
        assertThat(nodeOne.firstUse("RD/tax-audit", id)).isTrue();
        assertThat(nodeTwo.firstUse("RD/tax-audit", id)).isFalse();
        SeenRequests elevenMinutesLater = new SeenRequests(jdbc, Clock.fixed(start.plus(Duration.ofMinutes(11)), ZoneOffset.UTC),
                Duration.ofMinutes(10));
        assertThat(elevenMinutesLater.firstUse("RD/tax-audit", id)).isTrue();
        SeenRequests muchLater = new SeenRequests(jdbc, Clock.fixed(start.plus(Duration.ofDays(1)), ZoneOffset.UTC),
                Duration.ofMinutes(10));
        assertThat(muchLater.purge()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM seen_request WHERE request_id = ?", Integer.class, id)).isZero();
    }

    private static final String DISABILITY = "MSDHS/disability-status/v1";

    @Autowired
    Catalog catalog;

    @Test
    void operatorsSeeTheAgreementsAndWhoMayReachWhat() {
        String operator = bearer("HUB/operator-console", "demo-operator-console-secret");
        HttpResponse<String> all = get("/api/v1/agreements", Map.of("Authorization", operator));
        assertThat(all.statusCode()).isEqualTo(200);
        JsonNode agreements = read(all.body()).path("agreements");
        assertThat(agreements).hasSize(catalog.agreements().size());
        JsonNode welfare = agreements.get(0);
        assertThat(welfare.path("id").asText()).isEqualTo("AGR-2023-SSO-DOPA-01");
        assertThat(welfare.path("inForce").asBoolean()).isFalse();

        JsonNode portal = read(get("/api/v1/agreements?consumer=" + PORTAL + "&service=" + PROFILE,
                Map.of("Authorization", operator)).body()).path("agreements");
        assertThat(portal).singleElement().satisfies(a -> {
            assertThat(a.path("service").asText()).isEqualTo(PROFILE);
            assertThat(a.path("inForce").asBoolean()).isTrue();
            assertThat(a.path("legalBases").toString()).isEqualTo("[\"pdpa-24-4\"]");
            assertThat(a.path("releasedFields").toString()).contains("address.province").doesNotContain("nationality");
        });
        assertThat(read(get("/api/v1/agreements?service=DOPA/nothing/v1", Map.of("Authorization", operator)).body())
                .path("agreements")).isEmpty();

        JsonNode matrix = read(get("/api/v1/agreements/matrix", Map.of("Authorization", operator)).body()).path("consumers");
        // the matrix is the catalog's agreements in force today, consumer by consumer
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        java.util.List<String> portalServices = catalog.agreements().stream()
                .filter(a -> a.consumer().equals(PORTAL) && a.inForceOn(today))
                .map(a -> a.service().toString()).sorted().toList();
        assertThat(portalServices).contains(PROFILE, DISABILITY);
        java.util.List<String> matrixServices = new java.util.ArrayList<>();
        matrix.path(PORTAL).forEach(n -> matrixServices.add(n.asText()));
        assertThat(matrixServices).containsExactlyInAnyOrderElementsOf(portalServices);
        // SSO's DOPA agreement expired and RD has none with DOPA: each reaches only the disability registry
        assertThat(matrix.path("SSO/benefits-system").toString()).isEqualTo("[\"" + DISABILITY + "\"]");
        assertThat(matrix.path("RD/tax-audit").toString()).isEqualTo("[\"" + DISABILITY + "\"]");
        assertThat(matrix.has("HUB/operator-console")).isFalse(); // not a consumer
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes());
    }
}

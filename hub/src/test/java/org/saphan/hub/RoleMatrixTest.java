package org.saphan.hub;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every guarded endpoint of the hub against every role: without credentials 401 {@code unauthenticated},
 * with a role that is not the endpoint's 403 {@code access-denied}, with the endpoint's role neither.
 * Public endpoints answer without credentials. A new endpoint belongs in one of the two lists.
 */
class RoleMatrixTest extends HubTestSupport {

    private record Endpoint(String method, String path, Set<String> roles, String contentType, String body) {
        Endpoint(String method, String path, String role, String contentType, String body) {
            this(method, path, Set.of(role), contentType, body);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String EXCHANGE_BODY = "{\"citizenId\":\"" + CITIZEN + "\"}";
    private static final String CONSENT_BODY = "{\"citizenId\":\"" + CARD_HOLDER + "\",\"consumerAgency\":\"MSDHS\","
            + "\"purposes\":[\"welfare-eligibility\"],\"services\":[\"" + DISABILITY + "\"],\"explicit\":true,"
            + "\"collectionMethod\":\"citizen-portal-web\",\"noticeReference\":\"https://portal.example/privacy/welfare\","
            + "\"noticeVersion\":\"2026-01\"}";
    /** A short period, so the usage report and the export stay small however long the shared context has run. */
    private static final String LAST_MINUTE = "from=" + Instant.now().minusSeconds(60) + "&to=" + Instant.now().plusSeconds(600);

    /** Each guarded endpoint with the roles that may call it; {id} is a consent the subject portal gives first. */
    private static final List<Endpoint> GUARDED = List.of(
            new Endpoint("POST", "/api/v1/exchange/" + PROFILE, "consumer", "application/json", EXCHANGE_BODY),
            new Endpoint("POST", "/api/v1/keys/rotate", "operator", "application/json", ""),
            new Endpoint("GET", "/api/v1/agreements", "operator", null, null),
            new Endpoint("GET", "/api/v1/agreements/matrix", "operator", null, null),
            new Endpoint("GET", "/api/v1/agreements/AGR-2026-MSDHS-DOPA-01/record-of-processing", Set.of("auditor", "operator"),
                    null, null),
            new Endpoint("GET", "/api/v1/usage?" + LAST_MINUTE + "&format=csv", "operator", null, null),
            new Endpoint("GET", "/api/v1/traffic", "operator", null, null),
            new Endpoint("GET", "/api/v1/providers/health", "operator", null, null),
            new Endpoint("POST", "/api/v1/clients/HUB/retired-system/revoke-tokens", "operator", "application/json", ""),
            new Endpoint("GET", "/api/v1/audit/records?subject=" + CITIZEN + "&limit=5", "auditor", null, null),
            new Endpoint("GET", "/api/v1/audit/verify", "auditor", null, null),
            new Endpoint("GET", "/api/v1/audit/export?" + LAST_MINUTE + "&format=ndjson", "auditor", null, null),
            new Endpoint("GET", "/api/v1/subjects/" + CITIZEN + "/access-log", "subject-portal", null, null),
            new Endpoint("POST", "/api/v1/consents", "subject-portal", "application/json", CONSENT_BODY),
            new Endpoint("GET", "/api/v1/consents/{id}", "subject-portal", null, null),
            new Endpoint("POST", "/api/v1/consents/{id}/withdraw", "subject-portal", "application/json", ""));

    private static final List<String> PUBLIC = List.of("/api/v1/catalog", "/api/v1/openapi.json", "/.well-known/jwks.json",
            "/actuator/health", "/services/exchange?wsdl");

    @Test
    void everyGuardedEndpointRefusesCallersWithoutCredentialsOrWithTheWrongRole() {
        Map<String, String> tokenOfRole = new LinkedHashMap<>();
        tokenOfRole.put("consumer", bearer(PORTAL, PORTAL_SECRET));
        tokenOfRole.put("auditor", bearer("HUB/audit-console", "demo-audit-console-secret"));
        tokenOfRole.put("operator", bearer("HUB/operator-console", "demo-operator-console-secret"));
        tokenOfRole.put("subject-portal", bearer("DGA/citizen-portal", "demo-citizen-portal-secret"));

        String consentId = read(post("/api/v1/consents", "application/json", CONSENT_BODY,
                Map.of("Authorization", tokenOfRole.get("subject-portal"))).body()).path("id").asText();
        assertThat(consentId).isNotEmpty();

        for (Endpoint template : GUARDED) {
            Endpoint endpoint = new Endpoint(template.method(), template.path().replace("{id}", consentId), template.roles(),
                    template.contentType(), template.body());
            HttpResponse<String> anonymous = call(endpoint, null);
            assertThat(anonymous.statusCode()).as(endpoint + " without credentials").isEqualTo(401);
            assertThat(read(anonymous.body()).path("code").asText()).as(endpoint.toString()).isEqualTo("unauthenticated");
            assertThat(call(endpoint, "Bearer sph_forged").statusCode()).as(endpoint + " forged token").isEqualTo(401);

            for (Map.Entry<String, String> role : tokenOfRole.entrySet()) {
                boolean allowed = endpoint.roles().contains(role.getKey());
                if (allowed && endpoint.path().endsWith("/keys/rotate")) {
                    continue; // rotating here would change the key other tests verify with; SignedExchangeTest covers it
                }
                HttpResponse<String> response = call(endpoint, role.getValue());
                String what = endpoint + " as " + role.getKey();
                if (allowed) {
                    assertThat(response.statusCode()).as(what + ": " + response.body()).isIn(200, 201); // 201: consent given
                } else {
                    assertThat(response.statusCode()).as(what).isEqualTo(403);
                    assertThat(read(response.body()).path("code").asText()).as(what).isEqualTo("access-denied");
                    assertThat(response.headers().firstValue("Content-Type")).as(what).contains("application/problem+json");
                }
            }
        }
    }

    @Test
    void publicEndpointsNeedNoCredentials() {
        for (String path : PUBLIC) {
            assertThat(get(path, Map.of()).statusCode()).as(path).isEqualTo(200);
        }
    }

    private HttpResponse<String> call(Endpoint endpoint, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(endpoint.path())));
        if (endpoint.method().equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", endpoint.contentType()).POST(HttpRequest.BodyPublishers.ofString(endpoint.body()));
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (endpoint.path().startsWith("/api/v1/exchange/")) {
            exchangeHeaders(authorization).forEach((k, v) -> {
                if (!k.equals("Authorization")) {
                    request.header(k, v);
                }
            });
        }
        return send(request.build());
    }
}

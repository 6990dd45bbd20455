package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Everything around the exchange: token endpoint, catalog, OpenAPI, metrics, and the framework's own errors. */
class HubFacesTest extends HubTestSupport {

    @Test
    void tokenEndpointFollowsClientCredentials() {
        HttpResponse<String> ok = token(PORTAL, PORTAL_SECRET);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode token = read(ok.body());
        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.path("expires_in").asInt()).isEqualTo(900);
        assertThat(token.path("access_token").asText()).startsWith("sph_");

        HttpResponse<String> basic = post("/api/v1/auth/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials", Map.of("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((PORTAL + ":" + PORTAL_SECRET).getBytes())));
        assertThat(basic.statusCode()).isEqualTo(200);

        HttpResponse<String> wrong = token(PORTAL, "wrong-secret");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(read(wrong.body()).path("code").asText()).isEqualTo("unauthenticated");
        assertThat(wrong.body()).doesNotContain("wrong-secret");
        assertThat(token("NOBODY/none", "x").statusCode()).isEqualTo(401);

        HttpResponse<String> badGrant = post("/api/v1/auth/token", "application/x-www-form-urlencoded",
                "grant_type=password&client_id=x&client_secret=y", Map.of());
        assertThat(badGrant.statusCode()).isEqualTo(400);
        assertThat(read(badGrant.body()).path("code").asText()).isEqualTo("invalid-request");
    }

    @Test
    void catalogListsServicesWithoutSecrets() {
        HttpResponse<String> response = get("/api/v1/catalog", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode service = null;
        for (JsonNode s : read(response.body()).path("services")) {
            if (PROFILE.equals(s.path("id").asText())) {
                service = s; // the catalog lists services sorted by id, DOPA's profile is not the first
            }
        }
        assertThat(service).isNotNull();
        assertThat(service.path("fields").path("birthDate").asText()).isEqualTo("personal");
        assertThat(service.path("metadata").path("owner").asText()).isEqualTo("DOPA");
        assertThat(service.path("requestSchema").path("properties").has("citizenId")).isTrue();
        assertThat(response.body()).doesNotContain("$2b$").doesNotContain("secretHash")
                .doesNotContain("127.0.0.1").doesNotContain("welfare-portal");
    }

    @Test
    void openApiDescribesEveryCatalogServiceAndParsesAsOpenApi31() {
        HttpResponse<String> response = get("/api/v1/openapi.json", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = read(response.body());
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        JsonNode op = doc.path("paths").path("/api/v1/exchange/" + PROFILE).path("post");
        assertThat(op.isObject()).isTrue();
        assertThat(doc.path("components").path("schemas").path("DOPA_citizen_profile_v1_Data")
                .path("properties").has("birthDate")).isTrue();

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(parsed.getOpenAPI().getPaths()).containsKey("/api/v1/exchange/" + PROFILE);
        // the hub's own endpoints are described too, with the role that may call them
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/v1/consents", "/api/v1/consents/{id}/withdraw",
                "/api/v1/audit/records", "/api/v1/subjects/{citizenId}/access-log", "/ws/auth/validate", "/api/v1/agreements",
                "/api/v1/usage", "/api/v1/traffic", "/api/v1/providers/health");
        assertThat(parsed.getOpenAPI().getPaths().get("/api/v1/audit/records").getGet().getExtensions())
                .containsEntry("x-saphan-role", "auditor");
        // the query parameters the controllers read (the access-log search takes the citizen ID as 'subject')
        assertThat(parsed.getOpenAPI().getPaths().get("/api/v1/audit/records").getGet().getParameters())
                .extracting(Parameter::getName).contains("subject").doesNotContain("citizenId");
        assertThat(parsed.getOpenAPI().getPaths().get("/api/v1/usage").getGet().getExtensions())
                .containsEntry("x-saphan-role", "operator");
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemJson() {
        HttpResponse<String> notFound = get("/api/v1/nothing-here", Map.of());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(read(notFound.body()).path("code").asText()).isEqualTo("not-found");

        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(URI.create(url("/api/v1/catalog")))
                .DELETE().build());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(read(wrongMethod.body()).path("code").asText()).isEqualTo("method-not-allowed");

        HttpResponse<String> getOnExchange = get("/api/v1/exchange/" + PROFILE, Map.of());
        assertThat(getOnExchange.statusCode()).isEqualTo(405);
        assertThat(getOnExchange.body()).doesNotContain("<html").doesNotContain("Exception");

        HttpResponse<String> tokenAsJson = post("/api/v1/auth/token", "application/json", "{}", Map.of());
        assertThat(tokenAsJson.statusCode()).isEqualTo(415);
        assertThat(read(tokenAsJson.body()).path("code").asText()).isEqualTo("unsupported-media-type");
    }

    @Test
    void prometheusCountsExchangesWithBoundedLabels() {
        exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(bearer(PORTAL, PORTAL_SECRET)));
        HttpResponse<String> scrape = get("/actuator/prometheus", Map.of());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("saphan_exchanges_total{consumer_agency=\"MSDHS\",outcome=\"ok\","
                + "provider=\"DOPA\",service=\"DOPA/citizen-profile/v1\"}");
        assertThat(scrape.body()).contains("saphan_exchange_duration_seconds_bucket");
        // Camel's route timings, labelled with route ids that name the exchange and the provider
        assertThat(scrape.body()).containsPattern("camel_route_policy_seconds_count\\{[^}]*routeId=\"exchange\"")
                .containsPattern("camel_route_policy_seconds_count\\{[^}]*routeId=\"provider-DOPA-citizen-profile-v1\"");
        assertThat(scrape.body()).doesNotContain(CITIZEN).doesNotContain(OFFICER);
        assertThat(get("/actuator/health", Map.of()).body()).contains("\"UP\"");
        assertThat(get("/actuator/env", Map.of()).statusCode()).isEqualTo(404);
    }
}

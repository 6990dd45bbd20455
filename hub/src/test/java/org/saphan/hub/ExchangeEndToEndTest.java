package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saphan.simulators.http.FaultMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's exchange examples, over real HTTP, each refusal included, each audited. */
@ExtendWith(OutputCaptureExtension.class)
class ExchangeEndToEndTest extends HubTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void healProvider() {
        SIMULATORS.dopa().faults().clear();
    }

    @Test
    void aWelfareOfficerLooksUpACitizen(CapturedOutput output) {
        String token = bearer(PORTAL, PORTAL_SECRET);
        HttpResponse<String> response = exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = read(response.body());
        String exchangeId = body.path("exchangeId").asText();
        assertThat(response.headers().firstValue("X-Exchange-Id")).contains(exchangeId);
        assertThat(body.path("service").asText()).isEqualTo(PROFILE);
        assertThat(body.path("issuedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        JsonNode data = body.path("data");
        // mapped from DOPA's legacy answer: Buddhist-era 25320415 became an ISO date
        assertThat(data.path("birthDate").asText()).isEqualTo("1989-04-15");
        assertThat(data.path("firstNameTh").asText()).isEqualTo("สมชาย");
        assertThat(data.path("gender").asText()).isEqualTo("male");
        assertThat(data.path("address").path("province").asText()).isEqualTo("กรุงเทพมหานคร");
        // the agreement releases no house number, English names or nationality
        assertThat(data.has("firstNameEn")).isFalse();
        assertThat(data.has("nationality")).isFalse();
        assertThat(data.path("address").has("houseNo")).isFalse();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_record WHERE exchange_id = ?", exchangeId);
        assertThat(row.get("decision")).isEqualTo("permit");
        assertThat(row.get("consumer")).isEqualTo(PORTAL);
        assertThat(row.get("officer")).isEqualTo(OFFICER);
        assertThat(row.get("legal_reference")).asString().contains("Social Welfare Promotion Act");
        assertThat((String) row.get("subject_ref")).hasSize(64).doesNotContain(CITIZEN);
        assertThat((String) row.get("fields_released")).contains("birthDate").doesNotContain("houseNo");
        assertThat(((Number) row.get("provider_latency_ms")).intValue()).isGreaterThanOrEqualTo(0);
        // no column of the access log holds the citizen ID in clear
        assertThat(jdbc.queryForList("SELECT * FROM audit_record").toString()).doesNotContain(CITIZEN);
        assertThat(output.getAll()).doesNotContain(CITIZEN).doesNotContain(PORTAL_SECRET);
    }

    @Test
    void everyRefusalIsProblemJsonWithItsCodeAndIsAudited(CapturedOutput output) {
        String portal = bearer(PORTAL, PORTAL_SECRET);
        String good = "{\"citizenId\":\"" + CITIZEN + "\"}";

        expect("unauthenticated", 401, exchange(PROFILE, good, with(portal, h -> h.remove("Authorization"))));
        expect("unauthenticated", 401, exchange(PROFILE, good, with("Bearer sph_forged", h -> { })));
        expect("access-denied", 403, exchange(PROFILE, good,
                exchangeHeaders(bearer("RD/tax-audit", "demo-tax-audit-secret"))));
        expect("access-denied", 403, exchange(PROFILE, good,
                with(bearer("SSO/benefits-system", "demo-benefits-secret"), h -> h.put("X-Purpose", "social-security-benefits"))));
        expect("access-denied", 403, exchange(PROFILE, good,
                exchangeHeaders(bearer("HUB/audit-console", "demo-audit-console-secret"))));
        expect("purpose-not-allowed", 403, exchange(PROFILE, good, with(portal, h -> h.put("X-Purpose", "tax-administration"))));
        expect("legal-basis-not-allowed", 403, exchange(PROFILE, good, with(portal, h -> h.put("X-Legal-Basis", "pdpa-24-5"))));
        expect("invalid-request", 400, exchange(PROFILE, good, with(portal, h -> h.remove("X-Officer-Id"))));
        expect("invalid-request", 400, exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\",\"x\":1}", exchangeHeaders(portal)));
        expect("invalid-request", 400, exchange(PROFILE, "{not json", exchangeHeaders(portal)));
        expect("invalid-citizen-id", 400, exchange(PROFILE, "{\"citizenId\":\"1103000123456\"}", exchangeHeaders(portal)));
        expect("unknown-service", 404, exchange("DOPA/no-such-service/v1", good, exchangeHeaders(portal)));
        expect("payload-too-large", 413, exchange(PROFILE, "{\"citizenId\":\"" + "1".repeat(70_000) + "\"}", exchangeHeaders(portal)));
        expect("subject-not-found", 404, exchange(PROFILE, "{\"citizenId\":\"" + UNKNOWN_CITIZEN + "\"}", exchangeHeaders(portal)));

        SIMULATORS.dopa().faults().set(FaultMode.DROP);
        expect("provider-unavailable", 503, exchange(PROFILE, good, exchangeHeaders(portal)));
        SIMULATORS.dopa().faults().set(FaultMode.SLOW, 2_000);
        expect("provider-timeout", 504, exchange(PROFILE, good, exchangeHeaders(portal)));
        SIMULATORS.dopa().faults().set(FaultMode.FAIL);
        expect("provider-error", 502, exchange(PROFILE, good, exchangeHeaders(portal)));

        assertThat(output.getAll()).doesNotContain(CITIZEN).doesNotContain(UNKNOWN_CITIZEN).doesNotContain(" at org.");
    }

    private void expect(String code, int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(code).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(code).contains("application/problem+json");
        JsonNode problem = read(response.body());
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain(CITIZEN).doesNotContain("Exception").doesNotContain("at org.");
        String exchangeId = problem.path("exchangeId").asText();
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT decision, reason_code, http_status FROM audit_record WHERE exchange_id = ?", exchangeId);
        assertThat(rows).as("audit record of " + code).singleElement().satisfies(r -> {
            assertThat(r.get("decision")).isEqualTo("deny");
            assertThat(r.get("reason_code")).isEqualTo(code);
            assertThat(((Number) r.get("http_status")).intValue()).isEqualTo(status);
        });
    }

    private Map<String, String> with(String authorization, Consumer<Map<String, String>> change) {
        Map<String, String> headers = exchangeHeaders(authorization);
        change.accept(headers);
        return headers;
    }
}

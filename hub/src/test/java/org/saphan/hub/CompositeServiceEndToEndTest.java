package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saphan.simulators.http.FaultMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-stop HUB/welfare-eligibility/v1 over real HTTP: its three parts run as sub-exchanges, each under its
 * own agreement and legal basis, each audited under its own exchange id and the composite's correlation id,
 * all three at once; a refused or failed part is reported and the others still answer.
 */
@ExtendWith(OutputCaptureExtension.class)
class CompositeServiceEndToEndTest extends HubTestSupport {

    static final String WELFARE_ONE_STOP = "HUB/welfare-eligibility/v1";
    static final String PAYMENTS = "CGD/welfare-payments/v1";
    static final String ELDERLY = "3301500012345";

    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> ask(String citizenId, String consentId) {
        return ask(bearer(PORTAL, PORTAL_SECRET), citizenId, consentId);
    }

    private HttpResponse<String> ask(String token, String citizenId, String consentId) {
        Map<String, String> headers = exchangeHeaders(token);
        // the one-stop answer holds disability data: its own agreement names an s.26 basis
        headers.put("X-Legal-Basis", "pdpa-26-5");
        String consents = consentId == null ? "" : ",\"consents\":{\"" + DISABILITY + "\":\"" + consentId + "\"}";
        return exchange(WELFARE_ONE_STOP, "{\"citizenId\":\"" + citizenId + "\"" + consents + "}", headers);
    }

    private String explicitConsent() {
        String citizenPortal = bearer(CITIZEN_PORTAL, CITIZEN_PORTAL_SECRET);
        HttpResponse<String> given = post("/api/v1/consents", "application/json",
                "{\"citizenId\":\"" + CARD_HOLDER + "\",\"consumerAgency\":\"MSDHS\",\"purposes\":[\"welfare-eligibility\"],"
                        + "\"services\":[\"" + DISABILITY + "\"],\"explicit\":true,"
                        + "\"collectionMethod\":\"citizen-portal-web\",\"noticeReference\":\"https://portal.example/privacy/welfare\","
                        + "\"noticeVersion\":\"2026-01\"}",
                Map.of("Authorization", citizenPortal));
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        return read(given.body()).path("id").asText();
    }

    private static Map<String, JsonNode> parts(JsonNode data) {
        Map<String, JsonNode> parts = new HashMap<>();
        data.path("parts").forEach(p -> parts.put(p.path("service").asText(), p));
        return parts;
    }

    @Test
    void allPartsReleasedUnderTheirOwnAgreementsAndOneCorrelationId(CapturedOutput output) {
        String consent = explicitConsent();
        HttpResponse<String> response = ask(CARD_HOLDER, consent);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Exchange-Signature")).isPresent();
        JsonNode envelope = read(response.body());
        String exchangeId = envelope.path("exchangeId").asText();
        JsonNode data = envelope.path("data");

        Map<String, JsonNode> parts = parts(data);
        assertThat(parts).containsOnlyKeys(PROFILE, DISABILITY, PAYMENTS);
        parts.values().forEach(p -> assertThat(p.path("code").asText()).as(p.toString()).isEqualTo("ok"));
        assertThat(data.path("ageYears").isInt()).isTrue();
        assertThat(data.path("address").path("province").asText()).isNotEmpty();
        assertThat(data.path("address").has("houseNo")).isFalse(); // DOPA's agreement does not release it
        assertThat(data.path("disability").path("registration").asText()).isEqualTo("registered");
        assertThat(data.path("disability").has("cardNumber")).isFalse(); // nor MSDHS's this one
        assertThat(data.path("welfarePayments").path("paymentStatus").asText()).isNotEmpty();
        assertThat(data.path("welfarePayments").has("disabilityAllowanceThb")).isFalse(); // nor CGD's this one
        boolean validCard = "valid".equals(data.path("disability").path("cardStatus").asText());
        boolean alive = "alive".equals(data.path("lifeStatus").asText());
        assertThat(data.path("eligibility").path("disabilityAllowance").asText())
                .isEqualTo(validCard && alive ? "eligible" : "not-eligible");

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM audit_record WHERE correlation_id = ? ORDER BY service", exchangeId);
        assertThat(rows).hasSize(4);
        Map<String, Map<String, Object>> byService = new HashMap<>();
        rows.forEach(r -> byService.put((String) r.get("service"), r));
        assertThat(byService.get(WELFARE_ONE_STOP).get("exchange_id")).isEqualTo(exchangeId);
        assertThat(byService.get(WELFARE_ONE_STOP).get("legal_basis")).isEqualTo("pdpa-26-5");
        assertThat(byService.get(PROFILE).get("legal_basis")).isEqualTo("pdpa-24-4");
        assertThat(byService.get(PAYMENTS).get("legal_basis")).isEqualTo("pdpa-24-4");
        assertThat(byService.get(DISABILITY).get("legal_basis")).isEqualTo("explicit-consent");
        assertThat(byService.get(DISABILITY).get("consent_id")).isEqualTo(consent);
        for (String part : List.of(PROFILE, DISABILITY, PAYMENTS)) {
            assertThat(byService.get(part).get("exchange_id")).isEqualTo(parts.get(part).path("exchangeId").asText());
            assertThat(byService.get(part).get("decision")).isEqualTo("permit");
            assertThat(byService.get(part).get("officer")).isEqualTo(OFFICER);
        }
        assertThat(output.getAll()).doesNotContain(CARD_HOLDER);
    }

    @Test
    void aRefusedPartIsReportedAndTheOthersAnswer() {
        // no consent id for the sensitive part, whose agreement allows only (explicit) consent: refused
        HttpResponse<String> response = ask(CARD_HOLDER, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode data = read(response.body()).path("data");
        String exchangeId = read(response.body()).path("exchangeId").asText();
        JsonNode refused = parts(data).get(DISABILITY);
        assertThat(refused.path("released").asBoolean()).isFalse();
        assertThat(refused.path("code").asText()).isEqualTo("consent-required"); // says what the caller must add
        assertThat(data.has("disability")).isFalse();
        assertThat(data.path("eligibility").path("disabilityAllowance").asText()).isEqualTo("unknown");
        assertThat(parts(data).get(PROFILE).path("code").asText()).isEqualTo("ok");
        assertThat(parts(data).get(PAYMENTS).path("code").asText()).isEqualTo("ok");
        assertThat(data.path("ageYears").isInt()).isTrue();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_record WHERE exchange_id = ?",
                refused.path("exchangeId").asText());
        assertThat(row.get("decision")).isEqualTo("deny");
        assertThat(row.get("reason_code")).isEqualTo(refused.path("code").asText());
        assertThat(row.get("correlation_id")).isEqualTo(exchangeId);
    }

    @Test
    void thePartsRunInParallel() {
        String consent = explicitConsent();
        String token = bearer(PORTAL, PORTAL_SECRET);
        ask(token, CARD_HOLDER, consent); // every part's connection and code path warm, so timing is the parts'
        long delayMs = 450; // under each part's provider timeout in the test hub (700 ms, 700 ms, 1 s)
        SIMULATORS.dopa().faults().set(FaultMode.SLOW, delayMs);
        SIMULATORS.msdhs().faults().set(FaultMode.SLOW, delayMs);
        SIMULATORS.cgd().faults().set(FaultMode.SLOW, delayMs);
        long started = System.nanoTime();
        HttpResponse<String> response = ask(token, CARD_HOLDER, consent);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        parts(read(response.body()).path("data")).values()
                .forEach(p -> assertThat(p.path("code").asText()).as(p.toString()).isEqualTo("ok"));
        // one after another the three would take at least 3 x 450 ms; any two in sequence at least 900 ms
        assertThat(tookMs).as("one-stop answer in ms, each part's provider taking %d ms", delayMs)
                .isBetween(delayMs, 2 * delayMs - 1);
    }

    @Test
    void aProviderDownIsReportedAndTheOthersAnswer() {
        SIMULATORS.cgd().faults().set(FaultMode.FAIL);
        HttpResponse<String> response = ask(ELDERLY, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode data = read(response.body()).path("data");
        JsonNode failed = parts(data).get(PAYMENTS);
        assertThat(failed.path("code").asText()).isEqualTo("provider-error");
        assertThat(failed.path("released").asBoolean()).isFalse();
        assertThat(data.has("welfarePayments")).isFalse();
        assertThat(parts(data).get(PROFILE).path("code").asText()).isEqualTo("ok");
        assertThat(data.path("ageYears").asInt()).isGreaterThanOrEqualTo(60);
        assertThat(data.path("eligibility").path("elderlyAllowance").asText())
                .isEqualTo("alive".equals(data.path("lifeStatus").asText()) ? "eligible" : "not-eligible");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_record WHERE exchange_id = ?",
                failed.path("exchangeId").asText());
        assertThat(row.get("reason_code")).isEqualTo("provider-error");
    }

    @Test
    void aConsumerWithoutAnAgreementForTheOneStopServiceIsRefusedBeforeAnyPart() {
        Map<String, String> headers = exchangeHeaders(bearer("SSO/benefits-system", "demo-benefits-secret"));
        headers.put("X-Legal-Basis", "pdpa-26-5");
        HttpResponse<String> response = exchange(WELFARE_ONE_STOP, "{\"citizenId\":\"" + CARD_HOLDER + "\"}", headers);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    }

    @Autowired
    org.saphan.exchange.catalog.Catalog catalog;

    @Test
    void aCompositeMayOnlyGatherFromProviderServicesInTheCatalog() {
        List<org.saphan.schemas.ServiceId> parts = List.of(
                org.saphan.schemas.ServiceId.parse("DOPA/citizen-profile/v1"),
                org.saphan.schemas.ServiceId.parse("HUB/welfare-eligibility/v1"),
                org.saphan.schemas.ServiceId.parse("NHSO/coverage/v1"));
        assertThat(org.saphan.connectors.composite.CompositeConnectorRoutes.partProblems(catalog, parts)).containsExactly(
                "part HUB/welfare-eligibility/v1 is itself a composite service",
                "part NHSO/coverage/v1 is not in the catalog");
    }
}

package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PDPA over real HTTP: a citizen portal gives and withdraws consent, consumers call the MSDHS disability
 * registry (sensitive data) under consent, explicit consent and an s.26 exception.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsentEndToEndTest extends HubTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void explicitConsentReleasesUntilItIsWithdrawn(CapturedOutput output) {
        String citizenPortal = bearer(CITIZEN_PORTAL, CITIZEN_PORTAL_SECRET);
        HttpResponse<String> given = giveConsent(citizenPortal, true, Instant.now().plusSeconds(365L * 24 * 3600));
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        JsonNode consent = read(given.body());
        String id = consent.path("id").asText();
        assertThat(given.headers().firstValue("Location")).contains("/api/v1/consents/" + id);
        assertThat(consent.path("status").asText()).isEqualTo("given");
        assertThat(consent.path("explicit").asBoolean()).isTrue();
        assertThat(given.body()).doesNotContain(CARD_HOLDER);

        HttpResponse<String> released = callDisability("explicit-consent", id);
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        JsonNode data = read(released.body()).path("data");
        assertThat(data.path("registration").asText()).isEqualTo("registered");
        assertThat(data.path("disabilityType").asText()).isEqualTo("physical");
        assertThat(data.path("cardStatus").asText()).isEqualTo("valid");
        assertThat(data.has("cardNumber")).as("not agreed, never released").isFalse();
        String exchangeId = read(released.body()).path("exchangeId").asText();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_record WHERE exchange_id = ?", exchangeId);
        assertThat(row.get("consent_id")).isEqualTo(id);
        assertThat(row.get("legal_basis")).isEqualTo("explicit-consent");

        JsonNode afterUse = read(get("/api/v1/consents/" + id, Map.of("Authorization", citizenPortal)).body());
        assertThat(afterUse.path("useCount").asLong()).isEqualTo(1);

        HttpResponse<String> withdrawn = post("/api/v1/consents/" + id + "/withdraw", "application/json", "",
                Map.of("Authorization", citizenPortal));
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(read(withdrawn.body()).path("status").asText()).isEqualTo("withdrawn");

        expect("consent-invalid", 403, callDisability("explicit-consent", id));

        JsonNode history = read(get("/api/v1/consents/" + id, Map.of("Authorization", citizenPortal)).body()).path("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("event").asText()).isEqualTo("given");
        assertThat(history.get(1).path("event").asText()).isEqualTo("withdrawn");
        assertThat(history.get(1).path("by").asText()).isEqualTo(CITIZEN_PORTAL);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_history WHERE consent_id = ?", Integer.class, id))
                .isEqualTo(2);

        // the registry holds the subject only as a keyed hash, and nothing leaks to the logs
        assertThat(jdbc.queryForList("SELECT * FROM consent_record").toString()).doesNotContain(CARD_HOLDER);
        assertThat(output.getAll()).doesNotContain(CARD_HOLDER).doesNotContain(CITIZEN_PORTAL_SECRET);
    }

    @Test
    void anExpiredConsentReleasesNothing() throws Exception {
        String citizenPortal = bearer(CITIZEN_PORTAL, CITIZEN_PORTAL_SECRET);
        Instant end = Instant.now().plusSeconds(2);
        HttpResponse<String> given = giveConsent(citizenPortal, true, end);
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        String id = read(given.body()).path("id").asText();
        assertThat(callDisability("explicit-consent", id).statusCode()).isEqualTo(200);

        while (!Instant.now().isAfter(end.plusMillis(50))) {
            Thread.sleep(100);
        }
        expect("consent-invalid", 403, callDisability("explicit-consent", id));
        assertThat(read(get("/api/v1/consents/" + id, Map.of("Authorization", citizenPortal)).body())
                .path("status").asText()).isEqualTo("expired");
    }

    @Test
    void sensitiveFieldsNeedExplicitConsent() {
        String citizenPortal = bearer(CITIZEN_PORTAL, CITIZEN_PORTAL_SECRET);
        String plain = read(giveConsent(citizenPortal, false, null).body()).path("id").asText();
        String explicit = read(giveConsent(citizenPortal, true, null).body()).path("id").asText();

        // plain consent, even a valid one, does not reach sensitive fields: refused, not trimmed
        expect("explicit-consent-required", 403, callDisability("consent", plain));
        expect("explicit-consent-required", 403, callDisability("consent", explicit));
        // explicit-consent claimed on a record that is not explicit
        expect("explicit-consent-required", 403, callDisability("explicit-consent", plain));
        expect("consent-required", 403, callDisability("explicit-consent", null));
        expect("consent-invalid", 403, callDisability("explicit-consent", "no-such-consent"));
        assertThat(read(get("/api/v1/consents/" + plain, Map.of("Authorization", citizenPortal)).body())
                .path("useCount").asLong()).isZero();

        // RD's agreement lists only consent: its sensitive fields are always refused
        Map<String, String> rd = exchangeHeaders(bearer("RD/tax-audit", "demo-tax-audit-secret"));
        rd.put("X-Purpose", "tax-administration");
        rd.put("X-Legal-Basis", "consent");
        rd.put("X-Consent-Id", plain);
        expect("explicit-consent-required", 403, exchange(DISABILITY, subject(), rd));

        // with explicit consent the same fields are released
        assertThat(callDisability("explicit-consent", explicit).statusCode()).isEqualTo(200);
    }

    @Test
    void anS26ExceptionTheAgreementListsReleasesWithItsLaw() {
        Map<String, String> sso = exchangeHeaders(bearer("SSO/benefits-system", "demo-benefits-secret"));
        sso.put("X-Purpose", "social-security-benefits");
        sso.put("X-Legal-Basis", "pdpa-26-5");
        HttpResponse<String> response = exchange(DISABILITY, subject(), sso);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(read(response.body()).path("data").path("disabilityType").asText()).isEqualTo("physical");
        String exchangeId = read(response.body()).path("exchangeId").asText();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_record WHERE exchange_id = ?", exchangeId);
        assertThat(row.get("legal_basis")).isEqualTo("pdpa-26-5");
        assertThat(row.get("legal_reference")).asString().contains("Social Security Act");

        sso.put("X-Request-Id", java.util.UUID.randomUUID().toString());
        sso.put("X-Legal-Basis", "pdpa-24-4");
        expect("legal-basis-not-allowed", 403, exchange(DISABILITY, subject(), sso));
    }

    @Test
    void theReceiptVerifiesWithAStandardJoseLibraryAndTheHubsJwks() throws Exception {
        String citizenPortal = bearer(CITIZEN_PORTAL, CITIZEN_PORTAL_SECRET);
        JsonNode consent = read(giveConsent(citizenPortal, true, null).body());
        String receipt = consent.path("receipt").asText();

        JWSObject jws = JWSObject.parse(receipt);
        JWKSet jwks = JWKSet.parse(get("/.well-known/jwks.json", Map.of()).body());
        JWK key = jwks.getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(key).isNotNull();
        JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jws.getHeader(),
                key.getKeyType().getValue().equals("EC") ? key.toECKey().toECPublicKey() : key.toOctetKeyPair().toPublicKey());
        assertThat(jws.verify(verifier)).isTrue();
        assertThat(jws.getHeader().getType().getType()).isEqualTo("saphan-consent-receipt+jwt");
        JsonNode payload = read(jws.getPayload().toString());
        assertThat(payload.path("id").asText()).isEqualTo(consent.path("id").asText());
        assertThat(payload.path("consumerAgency").asText()).isEqualTo("MSDHS");
        assertThat(payload.path("explicit").asBoolean()).isTrue();
        assertThat(payload.path("subjectRef").asText()).hasSize(64);
        assertThat(jws.getPayload().toString()).doesNotContain(CARD_HOLDER);

        JWSObject tampered = JWSObject.parse(receipt.substring(0, receipt.length() - 4)
                + (receipt.endsWith("AAAA") ? "BBBB" : "AAAA"));
        assertThat(tampered.verify(verifier)).isFalse();
    }

    @Test
    void theConsentApiIsForTheSubjectPortalOnlyAndValidatesItsInput() {
        String citizenPortal = bearer(CITIZEN_PORTAL, CITIZEN_PORTAL_SECRET);
        String body = consentBody(CARD_HOLDER, true, null);
        expect("unauthenticated", 401, post("/api/v1/consents", "application/json", body, Map.of()));
        expect("access-denied", 403, post("/api/v1/consents", "application/json", body,
                Map.of("Authorization", bearer(PORTAL, PORTAL_SECRET))));
        expect("invalid-citizen-id", 400, post("/api/v1/consents", "application/json",
                consentBody("1901100567890", true, null), Map.of("Authorization", citizenPortal)));
        expect("invalid-request", 400, post("/api/v1/consents", "application/json",
                body.replace("welfare-eligibility", "no-such-purpose"), Map.of("Authorization", citizenPortal)));
        expect("invalid-request", 400, post("/api/v1/consents", "application/json",
                body.replace("\"MSDHS\"", "\"NOBODY\""), Map.of("Authorization", citizenPortal)));
        expect("not-found", 404, get("/api/v1/consents/no-such-consent", Map.of("Authorization", citizenPortal)));
        expect("not-found", 404, post("/api/v1/consents/no-such-consent/withdraw", "application/json", "",
                Map.of("Authorization", citizenPortal)));
    }

    @Test
    void theRecordOfProcessingIsGeneratedFromTheCatalog() {
        HttpResponse<String> response = get("/api/v1/agreements/AGR-2026-SSO-MSDHS-01/record-of-processing",
                Map.of("Authorization", bearer("HUB/audit-console", "demo-audit-console-secret")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode record = read(response.body());
        assertThat(record.path("dataCollected").toString()).contains("\"field\":\"disabilityType\",\"class\":\"sensitive\"")
                .contains("\"field\":\"citizenId\",\"class\":\"personal\"");
        assertThat(record.path("containsSensitiveData").asBoolean()).isTrue();
        assertThat(record.path("purposes").get(0).path("code").asText()).isEqualTo("social-security-benefits");
        JsonNode basis = record.path("legalBases").get(0);
        assertThat(basis.path("code").asText()).isEqualTo("pdpa-26-5");
        assertThat(basis.path("section").asText()).isEqualTo("PDPA s.26(5)");
        assertThat(basis.path("legalReference").asText()).contains("Social Security Act");
        assertThat(record.path("retention").asText()).isEqualTo("10 years");
        assertThat(record.path("whoMayAccess").path("consumerSystem").asText()).isEqualTo("SSO/benefits-system");
        assertThat(record.path("whoMayAccess").path("consumerAgency").asText()).isEqualTo("SSO");
        assertThat(record.path("disclosures").get(0).path("from").asText()).isEqualTo("MSDHS");
        assertThat(record.path("disclosures").get(0).path("to").asText()).isEqualTo("SSO");

        assertThat(get("/api/v1/agreements/AGR-2026-SSO-MSDHS-01/record-of-processing",
                Map.of("Authorization", bearer("HUB/operator-console", "demo-operator-console-secret"))).statusCode())
                .isEqualTo(200);
        expect("access-denied", 403, get("/api/v1/agreements/AGR-2026-SSO-MSDHS-01/record-of-processing",
                Map.of("Authorization", bearer(PORTAL, PORTAL_SECRET))));
        expect("not-found", 404, get("/api/v1/agreements/AGR-NONE/record-of-processing",
                Map.of("Authorization", bearer("HUB/audit-console", "demo-audit-console-secret"))));
    }

    private HttpResponse<String> giveConsent(String citizenPortal, boolean explicit, Instant expiresAt) {
        return post("/api/v1/consents", "application/json", consentBody(CARD_HOLDER, explicit, expiresAt),
                Map.of("Authorization", citizenPortal));
    }

    private static String consentBody(String citizenId, boolean explicit, Instant expiresAt) {
        return "{\"citizenId\":\"" + citizenId + "\",\"consumerAgency\":\"MSDHS\",\"purposes\":[\"welfare-eligibility\"],"
                + "\"services\":[\"" + DISABILITY + "\"],\"explicit\":" + explicit + ","
                + (expiresAt == null ? "" : "\"expiresAt\":\"" + expiresAt + "\",")
                + "\"collectionMethod\":\"citizen-portal-web\",\"noticeReference\":\"https://portal.example/privacy/welfare\","
                + "\"noticeVersion\":\"2026-01\"}";
    }

    private HttpResponse<String> callDisability(String basis, String consentId) {
        Map<String, String> headers = exchangeHeaders(bearer(PORTAL, PORTAL_SECRET));
        headers.put("X-Legal-Basis", basis);
        if (consentId != null) {
            headers.put("X-Consent-Id", consentId);
        }
        return exchange(DISABILITY, subject(), headers);
    }

    private static String subject() {
        return "{\"citizenId\":\"" + CARD_HOLDER + "\"}";
    }

    private static void expect(String code, int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(read(response.body()).path("code").asText()).isEqualTo(code);
        assertThat(response.body()).doesNotContain(CARD_HOLDER);
    }
}

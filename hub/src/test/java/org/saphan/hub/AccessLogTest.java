package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saphan.exchange.audit.chain.VerifyAuditCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The access log as auditors and citizens use it, over real HTTP, on the hub's own database. */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogTest extends HubTestSupport {

    /** Not used by other full-stack tests, so the subject's log holds only this test's exchanges. */
    static final String KAMONCHANOK = "1400100234563";
    static final String AUDITOR = "HUB/audit-console";
    static final String AUDITOR_SECRET = "demo-audit-console-secret";
    static final String CITIZEN_PORTAL = "DGA/citizen-portal";
    static final String CITIZEN_PORTAL_SECRET = "demo-citizen-portal-secret";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void auditorsSearchExportAndVerifyAndCitizensReadTheirOwnLog(CapturedOutput output) throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        String portal = bearer(PORTAL, PORTAL_SECRET);
        List<String> exchanges = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = exchange(PROFILE, "{\"citizenId\":\"" + KAMONCHANOK + "\"}", exchangeHeaders(portal));
            assertThat(r.statusCode()).isEqualTo(200);
            exchanges.add(read(r.body()).path("exchangeId").asText());
        }
        Map<String, String> auditor = Map.of("Authorization", bearer(AUDITOR, AUDITOR_SECRET));

        // newest first, two pages by cursor
        JsonNode first = read(get("/api/v1/audit/records?subject=" + KAMONCHANOK + "&limit=2", auditor).body());
        assertThat(ids(first)).containsExactly(exchanges.get(2), exchanges.get(1));
        assertThat(first.path("records").get(0).path("officer").asText()).isEqualTo(OFFICER);
        assertThat(first.toString()).doesNotContain(KAMONCHANOK);
        JsonNode second = read(get("/api/v1/audit/records?subject=" + KAMONCHANOK + "&limit=2&cursor="
                + first.path("next").asText(), auditor).body());
        assertThat(ids(second)).containsExactly(exchanges.get(0));
        assertThat(second.hasNonNull("next")).isFalse();

        // filters combine
        String range = "&from=" + enc(before.toString()) + "&to=" + enc(Instant.now().plusSeconds(60).toString());
        assertThat(ids(read(get("/api/v1/audit/records?subject=" + KAMONCHANOK + "&consumer=" + PORTAL
                + "&service=" + PROFILE + "&decision=permit&legalBasis=pdpa-24-4&officer=" + OFFICER + range, auditor).body())))
                .containsExactlyInAnyOrderElementsOf(exchanges);
        assertThat(ids(read(get("/api/v1/audit/records?subject=" + KAMONCHANOK + "&decision=deny", auditor).body()))).isEmpty();

        // bad parameters and wrong callers
        for (String bad : List.of("from=yesterday", "subject=1400100234560", "limit=0", "cursor=bm9wZQ", "decision=maybe",
                "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            HttpResponse<String> r = get("/api/v1/audit/records?" + bad, auditor);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(read(r.body()).path("code").asText()).isEqualTo("invalid-request");
            assertThat(r.body()).doesNotContain("1400100234560");
        }
        assertThat(get("/api/v1/audit/records", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/audit/records", Map.of("Authorization", portal)).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit/export", Map.of("Authorization", portal)).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit/verify", Map.of("Authorization", portal)).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit/export?format=xml", auditor).statusCode()).isEqualTo(400);

        // exports stream NDJSON and CSV
        HttpResponse<String> ndjson = get("/api/v1/audit/export?format=ndjson" + range, auditor);
        assertThat(ndjson.statusCode()).isEqualTo(200);
        assertThat(ndjson.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/x-ndjson"));
        assertThat(ndjson.body()).contains(exchanges).doesNotContain(KAMONCHANOK);
        assertThat(ndjson.body().lines().map(l -> read(l).path("type").asText())).first().isEqualTo("header");
        HttpResponse<String> csv = get("/api/v1/audit/export?format=csv" + range, auditor);
        assertThat(csv.body().lines().findFirst()).hasValue(
                "hub_node,node_seq,exchange_id,request_id,recorded_at,consumer,officer,service,subject_ref,purpose,legal_basis,"
                        + "legal_reference,consent_id,decision,reason_code,http_status,fields_released,provider_latency_ms,"
                        + "correlation_id,prev_hash,record_hash");
        assertThat(csv.body()).contains(exchanges);
        assertThat(csv.body().lines().count()).isEqualTo(4);

        // the chain verifies, an edit in the database is found at its record, and undoing it heals it
        JsonNode valid = read(get("/api/v1/audit/verify", auditor).body());
        assertThat(valid.path("valid").asBoolean()).as(valid.toString()).isTrue();
        String purpose = jdbc.queryForObject("SELECT purpose FROM audit_record WHERE exchange_id = ?", String.class, exchanges.get(1));
        jdbc.update("UPDATE audit_record SET purpose = 'tax-administration' WHERE exchange_id = ?", exchanges.get(1));
        try {
            JsonNode broken = read(get("/api/v1/audit/verify", auditor).body());
            assertThat(broken.path("valid").asBoolean()).isFalse();
            assertThat(broken.path("breaks").get(0).path("kind").asText()).isEqualTo("edited-record");
            assertThat(broken.path("breaks").get(0).path("exchangeId").asText()).isEqualTo(exchanges.get(1));
        } finally {
            jdbc.update("UPDATE audit_record SET purpose = ? WHERE exchange_id = ?", purpose, exchanges.get(1));
        }
        assertThat(read(get("/api/v1/audit/verify", auditor).body()).path("valid").asBoolean()).isTrue();

        // a whole export verifies offline with the published JWKS
        Path dir = Files.createTempDirectory("audit-export");
        Path export = Files.writeString(dir.resolve("export.ndjson"), get("/api/v1/audit/export", auditor).body());
        Path jwks = Files.writeString(dir.resolve("jwks.json"), get("/.well-known/jwks.json", Map.of()).body());
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int status = VerifyAuditCommand.run(new String[] {"verify-audit", "--export", export.toString(), "--jwks", jwks.toString()},
                new PrintStream(report, true, StandardCharsets.UTF_8));
        assertThat(status).as(report.toString(StandardCharsets.UTF_8)).isZero();

        // the citizen's own view, in plain words
        Map<String, String> citizenPortal = Map.of("Authorization", bearer(CITIZEN_PORTAL, CITIZEN_PORTAL_SECRET));
        HttpResponse<String> own = get("/api/v1/subjects/" + KAMONCHANOK + "/access-log", citizenPortal);
        assertThat(own.statusCode()).isEqualTo(200);
        JsonNode entries = read(own.body()).path("entries");
        assertThat(entries).hasSize(3);
        JsonNode newest = entries.get(0);
        assertThat(newest.path("agency").path("nameEn").asText()).isEqualTo("Ministry of Social Development and Human Security");
        assertThat(newest.path("system").path("name").asText()).isEqualTo("MSDHS welfare registration portal");
        assertThat(newest.path("service").path("titleEn").asText()).isEqualTo("Citizen profile from the civil registration");
        assertThat(newest.path("purpose").path("titleEn").asText()).isEqualTo("Checking eligibility for state welfare");
        assertThat(newest.path("summaryEn").asText()).isEqualTo("Ministry of Social Development and Human Security received "
                + "Citizen profile from the civil registration, for: Checking eligibility for state welfare.");
        assertThat(get("/api/v1/subjects/" + KAMONCHANOK + "/access-log", auditor).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/subjects/1400100234560/access-log", citizenPortal).statusCode()).isEqualTo(400);

        assertThat(output.getAll()).doesNotContain(KAMONCHANOK).doesNotContain("1400100234560");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("records").forEach(r -> ids.add(r.path("exchangeId").asText()));
        return ids;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

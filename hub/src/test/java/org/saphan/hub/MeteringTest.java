package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Quotas counted in the shared database, and usage reports from the access log, through the running hub. */
class MeteringTest extends HubTestSupport {

    private static final String PROFILE_AGREEMENT = "AGR-2026-MSDHS-DOPA-01"; // 6000 calls a minute
    private static final String OPERATOR = "HUB/operator-console";
    private static final String OPERATOR_SECRET = "demo-operator-console-secret";

    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void freeTheQuota() {
        jdbc.update("DELETE FROM quota_use WHERE agreement_id = ?", PROFILE_AGREEMENT);
    }

    @Test
    void aQuotaUsedUpByOtherNodesIsQuotaExceededWithRetryAfter() {
        String portal = bearer(PORTAL, PORTAL_SECRET);
        // other nodes sharing the database have used this minute's 6000 calls (and the next minute's, in case
        // the minute turns during the test)
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        for (Instant start : new Instant[]{minute, minute.plusSeconds(60)}) {
            jdbc.update("INSERT INTO quota_use (agreement_id, window_kind, window_start, uses) VALUES (?, 'minute', ?, 6000)",
                    PROFILE_AGREEMENT, Timestamp.from(start));
        }
        HttpResponse<String> refused = exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(portal));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(read(refused.body()).path("code").asText()).isEqualTo("quota-exceeded");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 120L);

        freeTheQuota();
        HttpResponse<String> allowed = exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(portal));
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Retry-After")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT uses FROM quota_use WHERE agreement_id = ? AND window_kind = 'day'",
                Integer.class, PROFILE_AGREEMENT)).isEqualTo(1);
    }

    @Test
    void theUsageReportEqualsTheAccessLogForThePeriodInBothFormats() {
        Instant from = Instant.now().minusSeconds(1);
        String portal = bearer(PORTAL, PORTAL_SECRET);
        exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(portal));
        exchange(PROFILE, "{\"citizenId\":\"" + UNKNOWN_CITIZEN + "\"}", exchangeHeaders(portal));
        Map<String, String> noPurpose = exchangeHeaders(portal);
        noPurpose.put("X-Purpose", "tax-administration");
        exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", noPurpose);
        exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders("Bearer nobody"));
        Instant to = Instant.now().plusSeconds(1);

        Map<String, Long> fromAudit = new TreeMap<>();
        jdbc.query("SELECT consumer, service, reason_code FROM audit_record WHERE recorded_at >= ? AND recorded_at < ?",
                rs -> {
                    String consumer = rs.getString("consumer");
                    String service = rs.getString("service");
                    String agency = consumer == null ? "unknown" : consumer.split("/")[0];
                    String provider = service == null ? "unknown" : service.split("/")[0];
                    fromAudit.merge(String.join(",", agency, provider, service == null ? "unknown" : service,
                            rs.getString("reason_code")), 1L, Long::sum);
                }, Timestamp.from(from), Timestamp.from(to));
        assertThat(fromAudit).containsKeys("MSDHS,DOPA," + PROFILE + ",ok", "MSDHS,DOPA," + PROFILE + ",purpose-not-allowed");

        String operator = bearer(OPERATOR, OPERATOR_SECRET);
        String period = "from=" + from + "&to=" + to;
        HttpResponse<String> json = get("/api/v1/usage?" + period + "&format=json", Map.of("Authorization", operator));
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        Map<String, Long> fromJson = new TreeMap<>();
        for (JsonNode line : read(json.body()).path("usage")) {
            fromJson.put(String.join(",", line.path("consumerAgency").asText(), line.path("provider").asText(),
                    line.path("service").asText(), line.path("outcome").asText()), line.path("calls").asLong());
        }
        assertThat(fromJson).isEqualTo(fromAudit);

        HttpResponse<String> csv = get("/api/v1/usage?" + period + "&format=csv", Map.of("Authorization", operator));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        Map<String, Long> fromCsv = new TreeMap<>();
        csv.body().lines().skip(1).forEach(row -> {
            int last = row.lastIndexOf(',');
            fromCsv.put(row.substring(0, last), Long.parseLong(row.substring(last + 1)));
        });
        assertThat(fromCsv).isEqualTo(fromAudit);
    }

    @Test
    void usageIsForOperatorsOnly() {
        String portal = bearer(PORTAL, PORTAL_SECRET);
        HttpResponse<String> denied = get("/api/v1/usage?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
                Map.of("Authorization", portal));
        assertThat(denied.statusCode()).isEqualTo(403);
        HttpResponse<String> noPeriod = get("/api/v1/usage", Map.of("Authorization", bearer(OPERATOR, OPERATOR_SECRET)));
        assertThat(noPeriod.statusCode()).isEqualTo(400);
    }
}

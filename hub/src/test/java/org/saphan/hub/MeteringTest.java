package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.metering.ExchangeMeter;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ProblemCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Quotas counted in the shared database, and usage reports from the access log, through the running hub. */
class MeteringTest extends HubTestSupport {

    private static final String PROFILE_AGREEMENT = "AGR-2026-MSDHS-DOPA-01"; // 6000 calls a minute
    private static final String OPERATOR = "HUB/operator-console";
    private static final String OPERATOR_SECRET = "demo-operator-console-secret";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Catalog catalog;
    @Autowired
    private CamelContext camel;
    @Autowired
    private HealthEndpoint healthEndpoint;

    /** What readiness must check before a node takes traffic (issue 8, item 4). */
    private static final Set<String> READINESS = Set.of("db", "catalog", "signingKey", "accessLog");
    /** The SLO buckets of both latency histograms, as Prometheus writes them: 10, 50, 100, 250 and 500 ms. */
    private static final List<String> SLO_BUCKETS = List.of("0.01", "0.05", "0.1", "0.25", "0.5");

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
    void everyMetricLabelIsBoundedByTheCatalogAndNoneHoldsACitizenId() {
        String portal = bearer(PORTAL, PORTAL_SECRET);
        exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(portal));
        exchange(PROFILE, "{\"citizenId\":\"" + UNKNOWN_CITIZEN + "\"}", exchangeHeaders(portal));
        exchange("DOPA/no-such-service/v1", "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(portal));
        exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders("Bearer nobody"));
        Map<String, String> otherPurpose = exchangeHeaders(portal);
        otherPurpose.put("X-Purpose", "tax-administration");
        exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", otherPurpose);

        Map<String, Set<String>> bounded = boundedLabelValues();

        String scrape = get("/actuator/prometheus", Map.of()).body();
        assertThat(scrape).contains("saphan_audit_queue_depth", "saphan_audit_batch_commit_seconds_count",
                "saphan_signing_duration_seconds_count", "saphan_signing_key_age_seconds",
                "saphan_quota_used_ratio{agreement=\"AGR-2026-MSDHS-DOPA-01\",window=\"minute\"}",
                "saphan_provider_circuit_state{provider=\"DOPA\",state=\"closed\"} 1",
                "saphan_policy_decisions_total{decision=\"permit\",reason=\"pdpa-24-4\"}",
                "saphan_policy_decisions_total{decision=\"deny\",reason=\"purpose-not-allowed\"}");
        Matcher label = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher("");
        Pattern citizenLike = Pattern.compile("(?<!\\d)\\d{13}(?!\\d)");
        int checked = 0;
        for (String line : scrape.lines().filter(l -> !l.startsWith("#") && l.contains("{")).toList()) {
            String labels = line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1);
            assertThat(citizenLike.matcher(labels).find()).as(line).isFalse();
            label.reset(labels);
            while (label.find()) {
                Set<String> allowed = bounded.get(label.group(1));
                if (allowed != null && (line.startsWith("saphan_") || "routeId".equals(label.group(1)))) {
                    assertThat(allowed).as(line).contains(label.group(2));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(scrape).doesNotContain(CITIZEN).doesNotContain(UNKNOWN_CITIZEN).doesNotContain(OFFICER);
    }

    @Test
    void readinessCoversTheDatabaseCatalogSigningKeyAndAccessLog() {
        // the group as the actuator computes it: fails if an indicator leaves the group or stops existing
        HealthComponent readiness = healthEndpoint.healthForPath("readiness");
        assertThat(readiness).isInstanceOf(CompositeHealth.class);
        Map<String, HealthComponent> components = ((CompositeHealth) readiness).getComponents();
        assertThat(components.keySet()).containsAll(READINESS).contains("readinessState");
        components.forEach((name, health) -> assertThat(health.getStatus()).as(name).isEqualTo(Status.UP));

        // over HTTP, an operator sees the same components (show-components: when-authorized, roles: operator)
        HttpResponse<String> asOperator = get("/actuator/health/readiness", Map.of("Authorization", bearer(OPERATOR, OPERATOR_SECRET)));
        assertThat(asOperator.statusCode()).as(asOperator.body()).isEqualTo(200);
        JsonNode seen = read(asOperator.body());
        assertThat(seen.path("status").asText()).isEqualTo("UP");
        Set<String> named = new HashSet<>();
        seen.path("components").fieldNames().forEachRemaining(named::add);
        assertThat(named).containsAll(READINESS);
        assertThat(seen.path("components").path("accessLog").path("details").path("capacity").asInt()).isPositive();
        assertThat(asOperator.body()).doesNotContain("jdbc:", "password", "secret");

        // anyone else sees only the status: no token, a consumer's token, a forged one
        for (String authorization : new String[] {null, bearer(PORTAL, PORTAL_SECRET), "Bearer sph_forged"}) {
            HttpResponse<String> other = get("/actuator/health/readiness",
                    authorization == null ? Map.of() : Map.of("Authorization", authorization));
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(read(other.body()).has("components")).as(other.body()).isFalse();
            assertThat(read(other.body()).has("details")).isFalse();
        }
    }

    @Test
    void bothLatencyHistogramsHaveTheSloBuckets() {
        exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(bearer(PORTAL, PORTAL_SECRET)));
        Map<String, List<Map<String, String>>> series = series(get("/actuator/prometheus", Map.of()).body());
        for (String histogram : List.of("saphan_exchange_duration_seconds_bucket", "saphan_provider_duration_seconds_bucket")) {
            Set<String> buckets = new HashSet<>();
            for (Map<String, String> labels : series.getOrDefault(histogram, List.of())) {
                if (PROFILE.equals(labels.get("service"))) {
                    buckets.add(labels.get("le"));
                }
            }
            assertThat(buckets).as(histogram).containsAll(SLO_BUCKETS).contains("+Inf");
        }
    }

    @Test
    void theShippedDashboardAndAlertRulesUseOnlyMetricsTheHubExports() throws Exception {
        String portal = bearer(PORTAL, PORTAL_SECRET);
        exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(portal));
        Map<String, String> otherPurpose = exchangeHeaders(portal);
        otherPurpose.put("X-Purpose", "tax-administration"); // a policy denial, so decision="deny" is exported
        exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", otherPurpose);
        Map<String, List<Map<String, String>>> exported = series(get("/actuator/prometheus", Map.of()).body());
        Map<String, Set<String>> bounded = boundedLabelValues();

        Path ops = Path.of("..", "ops");
        JsonNode dashboard = JSON.readTree(Files.readString(ops.resolve("dashboards/saphan-hub.json")));
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        Map<String, Object> rules = new org.yaml.snakeyaml.Yaml().load(Files.readString(ops.resolve("alerts/saphan-rules.yml")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
        int alerts = 0;
        for (Map<String, Object> group : groups) {
            for (Object rule : (List<?>) group.get("rules")) {
                String expr = String.valueOf(((Map<?, ?>) rule).get("expr"));
                expressions.add(expr);
                alerts++;
                // a label an alert's text names must survive the expression's aggregation
                Matcher templated = Pattern.compile("\\$labels\\.(\\w+)").matcher(String.valueOf(((Map<?, ?>) rule).get("annotations")));
                while (templated.find()) {
                    assertThat(groupingLabels(expr)).as("%s: {{ $labels.%s }}", ((Map<?, ?>) rule).get("alert"), templated.group(1))
                            .contains(templated.group(1));
                }
            }
        }
        assertThat(alerts).isGreaterThanOrEqualTo(5);

        Pattern selector = Pattern.compile("\\b(saphan_[a-z_]+)(?:\\{([^}]*)})?");
        Pattern matcher = Pattern.compile("(\\w+)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
        Set<String> used = new HashSet<>();
        int labelValuesChecked = 0;
        for (String expr : expressions) {
            Set<String> labelsOfExpr = new HashSet<>();
            Matcher metric = selector.matcher(expr);
            while (metric.find()) {
                String name = metric.group(1);
                used.add(name);
                assertThat(exported).as("exported metric used by: " + expr).containsKey(name);
                exported.get(name).forEach(l -> labelsOfExpr.addAll(l.keySet()));
                if (metric.group(2) == null) {
                    continue;
                }
                Matcher m = matcher.matcher(metric.group(2));
                while (m.find()) {
                    String label = m.group(1);
                    String value = m.group(3);
                    if ("=".equals(m.group(2))) {
                        // an exact value (le="0.5", state="open", decision="deny") must be a series the hub exports
                        assertThat(exported.get(name)).as("%s{%s=\"%s\"} in: %s", name, label, value, expr)
                                .anyMatch(l -> value.equals(l.get(label)));
                    } else {
                        // a regex or negated value names values of a bounded label: each must be one it can take
                        assertThat(bounded).as("bounded label %s in: %s", label, expr).containsKey(label);
                        for (String alternative : value.split("\\|")) {
                            assertThat(bounded.get(label)).as("%s=~%s in: %s", label, alternative, expr).contains(alternative);
                        }
                    }
                    labelValuesChecked++;
                }
            }
            // every label the expression groups by is a label of the metrics it reads
            assertThat(labelsOfExpr).as("labels grouped by in: " + expr).containsAll(groupingLabels(expr));
        }
        assertThat(used).contains("saphan_exchanges_total", "saphan_audit_queue_depth", "saphan_signing_key_age_seconds",
                "saphan_policy_decisions_total", "saphan_exchange_duration_seconds_bucket", "saphan_provider_circuit_state");
        assertThat(labelValuesChecked).as("le=\"0.5\", state=\"open\", decision=\"deny\", outcome...").isGreaterThanOrEqualTo(6);
    }

    @Test
    void operatorsSeeEachServicesProviderHealth() {
        exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(bearer(PORTAL, PORTAL_SECRET)));
        HttpResponse<String> health = get("/api/v1/providers/health", Map.of("Authorization", bearer(OPERATOR, OPERATOR_SECRET)));
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode profile = read(health.body()).path(PROFILE);
        assertThat(profile.path("provider").asText()).isEqualTo("DOPA");
        assertThat(profile.path("lastSuccess").isNull()).isFalse();
        assertThat(profile.path("recentCalls").asInt()).isPositive();
        assertThat(get("/api/v1/providers/health", Map.of("Authorization", bearer(PORTAL, PORTAL_SECRET))).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aProviderFailureShowsAsLastFailureAndInTheRecentErrorRate() {
        String portal = bearer(PORTAL, PORTAL_SECRET);
        String operator = bearer(OPERATOR, OPERATOR_SECRET);
        // the simulator's own fault control, as an operator would drive it (HubTestSupport clears it after)
        simulatedDopaFault("fail");
        Instant before = Instant.now();
        int failures = 3; // below the breaker's minimum of calls, so each one reaches DOPA
        for (int i = 0; i < failures; i++) {
            HttpResponse<String> failed = exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(portal));
            assertThat(read(failed.body()).path("code").asText()).as(failed.body()).isEqualTo("provider-error");
        }
        Instant after = Instant.now();

        JsonNode failing = read(get("/api/v1/providers/health", Map.of("Authorization", operator)).body()).path(PROFILE);
        Instant lastFailure = Instant.parse(failing.path("lastFailure").asText());
        assertThat(lastFailure).isBetween(before, after);
        int calls = failing.path("recentCalls").asInt();
        // the window holds at least these failures, whatever other tests of this context called before
        assertThat(failing.path("recentErrorRate").asDouble()).isGreaterThanOrEqualTo((double) failures / calls);
        assertThat(failing.path("lastSuccess").isNull() || Instant.parse(failing.path("lastSuccess").asText()).isBefore(before))
                .as("no success while DOPA fails: %s", failing).isTrue();

        simulatedDopaFault("none");
        assertThat(exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(portal)).statusCode()).isEqualTo(200);
        JsonNode recovered = read(get("/api/v1/providers/health", Map.of("Authorization", operator)).body()).path(PROFILE);
        assertThat(Instant.parse(recovered.path("lastSuccess").asText())).isAfter(lastFailure);
        assertThat(Instant.parse(recovered.path("lastFailure").asText())).as("the failure is still shown").isEqualTo(lastFailure);
    }

    @Test
    void operatorsSeeEachServicesLiveTrafficAndLatency() {
        String operator = bearer(OPERATOR, OPERATOR_SECRET);
        long before = read(get("/api/v1/traffic", Map.of("Authorization", operator)).body())
                .path("services").path(PROFILE).path("calls").asLong(0);
        exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(bearer(PORTAL, PORTAL_SECRET)));
        HttpResponse<String> traffic = get("/api/v1/traffic", Map.of("Authorization", operator));
        assertThat(traffic.statusCode()).as(traffic.body()).isEqualTo(200);
        JsonNode profile = read(traffic.body()).path("services").path(PROFILE);
        assertThat(profile.path("calls").asLong()).isEqualTo(before + 1);
        assertThat(profile.path("p50Ms").asDouble()).isPositive();
        assertThat(profile.path("p99Ms").asDouble()).isGreaterThanOrEqualTo(profile.path("p50Ms").asDouble());
        assertThat(read(traffic.body()).path("at").asText()).isNotEmpty();
        assertThat(get("/api/v1/traffic", Map.of("Authorization", bearer(PORTAL, PORTAL_SECRET))).statusCode())
                .isEqualTo(403);
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

    /** Every value each bounded label may take: from the catalog, the problem codes, the legal bases and fixed words. */
    private Map<String, Set<String>> boundedLabelValues() {
        Set<String> agencies = new HashSet<>(Set.of("unknown"));
        catalog.clients().forEach(c -> agencies.add(c.agency()));
        Set<String> providers = new HashSet<>(Set.of("unknown"));
        Set<String> services = new HashSet<>(Set.of("unknown"));
        catalog.services().forEach(s -> {
            providers.add(s.provider());
            services.add(s.id().toString());
        });
        Set<String> outcomes = new HashSet<>(Set.of("ok"));
        for (ProblemCode code : ProblemCode.values()) {
            outcomes.add(code.code());
        }
        Set<String> agreements = new HashSet<>();
        catalog.agreements().forEach(a -> agreements.add(a.id()));
        Set<String> routeIds = new HashSet<>(Set.of("")); // Camel labels context-wide meters with an empty route id
        camel.getRoutes().forEach(r -> routeIds.add(r.getRouteId()));
        // a policy decision's reason: the engine's problem code, or the legal basis of a permit
        Set<String> reasons = new HashSet<>(outcomes);
        reasons.remove("ok");
        reasons.add(ExchangeMeter.NO_PERSONAL_DATA);
        for (LegalBasis basis : LegalBasis.values()) {
            reasons.add(basis.code());
        }
        return Map.ofEntries(Map.entry("consumer_agency", agencies),
                Map.entry("provider", providers), Map.entry("service", services), Map.entry("outcome", outcomes),
                Map.entry("agreement", agreements), Map.entry("routeId", routeIds),
                Map.entry("window", Set.of("minute", "day")), Map.entry("state", Set.of("closed", "open", "half_open")),
                Map.entry("decision", Set.of("permit", "deny")), Map.entry("reason", reasons));

    }

    /** Sets the DOPA simulator's fault mode through its control endpoint ({@code POST /_sim/faults}). */
    private void simulatedDopaFault(String mode) {
        HttpResponse<String> set = send(HttpRequest.newBuilder(URI.create(SIMULATORS.dopa().baseUrl() + "/_sim/faults"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("mode=" + mode)).build());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    }

    /** A Prometheus scrape as series: metric name to the label sets it is exported with. */
    private static Map<String, List<Map<String, String>>> series(String scrape) {
        Map<String, List<Map<String, String>>> series = new HashMap<>();
        Matcher label = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher("");
        scrape.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(line -> {
            Map<String, String> labels = new HashMap<>();
            int open = line.indexOf('{');
            if (open >= 0) {
                label.reset(line.substring(open, line.lastIndexOf('}') + 1));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            series.computeIfAbsent(line.split("[{ ]")[0], k -> new ArrayList<>()).add(labels);
        });
        return series;
    }

    /** The labels of every {@code by (...)} clause in a PromQL expression. */
    private static Set<String> groupingLabels(String expr) {
        Set<String> labels = new HashSet<>();
        Matcher by = Pattern.compile("\\bby\\s*\\(([^)]*)\\)").matcher(expr);
        while (by.find()) {
            for (String l : by.group(1).split(",")) {
                labels.add(l.trim());
            }
        }
        return labels;
    }
}

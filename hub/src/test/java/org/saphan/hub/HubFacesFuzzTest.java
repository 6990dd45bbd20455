package org.saphan.hub;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.saphan.schemas.ProblemCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every face of the hub that reads outside input, fuzzed through the real application (one Spring context, the
 * real exchange route, the simulated agencies): the REST exchange's body and headers, the GDX face's parameters and
 * headers, consent requests, the audit and usage query parameters, and the token form. Whatever arrives, the answer
 * is a success or a refusal with a known code: never a 5xx of the hub's own, never {@code hub-unavailable} (which
 * would hide an unexpected exception), never a stack-trace fragment. Each input first picks a face, then is read
 * as that face's request; the executions per face are printed at the end.
 */
@AutoConfigureMockMvc(print = MockMvcPrint.NONE) // one long test: printed exchanges would pile up in memory
class HubFacesFuzzTest extends HubTestSupport {

    private static final String GDX_KEY = "6f1c2a7e-3b9d-4c52-9e8a-51d0b7a4c3e2";
    private static final String[] SERVICES = {PROFILE, DISABILITY, "DOPA/house-registration/v1", "DBD/juristic-person/v1",
            "RD/vat-registration/v1", "CGD/welfare-payments/v1", "HUB/welfare-eligibility/v1"};
    private static final String[] FACES = {"rest-exchange", "gdx-validate", "gdx-exchange", "consent", "audit-query",
            "token-form"};
    /** What a caller may legitimately get: the standard's codes and the GDX face's own two. */
    private static final Set<String> KNOWN_CODES = Stream.concat(Arrays.stream(ProblemCode.values()).map(ProblemCode::code),
            Stream.of("consumer-not-found", "token-not-found")).collect(Collectors.toUnmodifiableSet());
    /** 5xx answers that are about the provider, not the hub. */
    private static final Set<String> PROVIDER_CODES = Set.of("provider-error", "provider-unavailable", "provider-timeout");
    private static final Map<String, AtomicLong> EXECUTIONS = new ConcurrentHashMap<>();
    private static final Map<String, String> CREDENTIALS = new ConcurrentHashMap<>();

    @Autowired
    MockMvc mvc;

    @FuzzTest(maxDuration = "15s")
    void everyFaceAnswersWithAKnownCodeAndNoStackTrace(FuzzedDataProvider data) throws Exception {
        // Jazzer's SSRF detector stays on (its policy is reset for every input): the hub and the simulated agencies
        // (whose SOAP services call each other on their own ports) may connect on this machine and nowhere else
        BugDetectors.allowNetworkConnections((host, port) -> Set.of("127.0.0.1", "localhost").contains(host));
        if (CREDENTIALS.isEmpty()) {
            // before any fuzzed secret: failed attempts from this address soon block new tokens
            for (String who : new String[] {"portal", "citizen-portal", "auditor", "operator", "gdx"}) {
                credential(who);
            }
        }
        String face = FACES[data.consumeInt(0, FACES.length - 1)];
        EXECUTIONS.computeIfAbsent(face, f -> new AtomicLong()).incrementAndGet();
        MockHttpServletRequestBuilder request;
        try {
            request = request(face, data);
        } catch (IllegalArgumentException notAUri) {
            return; // no HTTP client could send this path
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        check(face, response);
    }

    private MockHttpServletRequestBuilder request(String face, FuzzedDataProvider data) throws Exception {
        return switch (face) {
            case "rest-exchange" -> restExchange(data);
            case "gdx-validate" -> MockMvcRequestBuilders.get("/ws/auth/validate")
                    .param("ConsumerSecret", pick(data, PORTAL_SECRET))
                    .param("AgentID", pick(data, OFFICER))
                    .header("Consumer-Key", pick(data, GDX_KEY));
            case "gdx-exchange" -> MockMvcRequestBuilders.get("/ws/{provider}/{service}/{version}", segments(data, true))
                    .param("CitizenID", pick(data, CITIZEN))
                    .header("Consumer-Key", pick(data, GDX_KEY))
                    .header("Token", pick(data, credential("gdx")));
            case "consent" -> consent(data);
            case "audit-query" -> auditQuery(data);
            default -> MockMvcRequestBuilders.post("/api/v1/auth/token").contentType("application/x-www-form-urlencoded")
                    .param("grant_type", pick(data, "client_credentials"))
                    .param("client_id", pick(data, "RD/tax-audit"))
                    .param("client_secret", data.consumeString(80));
        };
    }

    private MockHttpServletRequestBuilder restExchange(FuzzedDataProvider data) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/api/v1/exchange/{provider}/{service}/{version}", segments(data, false));
        header(request, data, "Authorization", credential("portal"));
        header(request, data, "X-Purpose", "welfare-eligibility");
        header(request, data, "X-Legal-Basis", "pdpa-24-4");
        header(request, data, "X-Consent-Id", UUID.randomUUID().toString());
        header(request, data, "X-Officer-Id", OFFICER);
        header(request, data, "X-Request-Id", UUID.randomUUID().toString());
        request.header("Content-Type", data.consumeBoolean() ? "application/json" : data.consumeString(40));
        return request.content(body(data, "citizenId"));
    }

    private MockHttpServletRequestBuilder consent(FuzzedDataProvider data) throws Exception {
        String portal = credential("citizen-portal");
        return switch (data.consumeInt(0, 2)) {
            case 0 -> MockMvcRequestBuilders.get("/api/v1/consents/{id}", data.consumeString(60)).header("Authorization", portal);
            case 1 -> MockMvcRequestBuilders.post("/api/v1/consents/{id}/withdraw", data.consumeString(60)).header("Authorization", portal);
            default -> MockMvcRequestBuilders.post("/api/v1/consents").header("Authorization", pick(data, portal))
                    .header("Content-Type", data.consumeBoolean() ? "application/json" : data.consumeString(40))
                    .content(data.consumeBoolean() ? consentBody(data) : body(data, "citizenId"));
        };
    }

    /** A consent body of the right shape with fuzzed values, so the checks behind the JSON parser are reached. */
    private static byte[] consentBody(FuzzedDataProvider data) {
        var body = JSON.createObjectNode();
        body.put("citizenId", pick(data, CARD_HOLDER));
        body.put("consumerAgency", pick(data, "MSDHS"));
        body.putArray("purposes").add(pick(data, "welfare-eligibility"));
        body.putArray("services").add(pick(data, DISABILITY));
        body.putArray("dataCategories").add(data.consumeString(20));
        body.put("explicit", data.consumeBoolean());
        body.put("collectionMethod", pick(data, "citizen-portal-web"));
        body.put("noticeReference", data.consumeString(40));
        body.put("noticeVersion", data.consumeString(20));
        if (data.consumeBoolean()) {
            body.put("expiresAt", pick(data, "2030-01-01T00:00:00Z"));
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private MockHttpServletRequestBuilder auditQuery(FuzzedDataProvider data) throws Exception {
        return switch (data.consumeInt(0, 2)) {
            case 0 -> {
                MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get("/api/v1/audit/records")
                        .header("Authorization", pick(data, credential("auditor")));
                for (String name : new String[] {"subject", "consumer", "service", "officer", "decision", "legalBasis",
                        "from", "to", "cursor", "limit"}) {
                    if (data.consumeBoolean()) {
                        request.param(name, data.consumeString(60));
                    }
                }
                yield request;
            }
            case 1 -> MockMvcRequestBuilders.get("/api/v1/subjects/{citizenId}/access-log", pick(data, CITIZEN))
                    .header("Authorization", credential("citizen-portal"))
                    .param("cursor", data.consumeString(60)).param("limit", data.consumeString(8));
            default -> MockMvcRequestBuilders.get("/api/v1/usage").header("Authorization", credential("operator"))
                    .param("from", data.consumeString(40)).param("to", data.consumeString(40))
                    .param("format", pick(data, "csv"));
        };
    }

    private static void check(String face, MockHttpServletResponse response) throws Exception {
        int status = response.getStatus();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).as(face + " answer").doesNotContain("Exception", "\tat ", "at org.", "at java.");
        if (status < 300) {
            return;
        }
        // every answer below /ws is in GDX's form, even for a path that is none of the face's own (a fuzzed segment
        // that is empty or holds '/'): GDX clients read nothing else (docs/security.md, finding 6)
        boolean gdxForm = face.startsWith("gdx");
        assertThat(response.getContentType()).as(face + " content type").startsWith(gdxForm
                ? "application/json" : "application/problem+json");
        JsonNode problem = read(body);
        String code = gdxForm ? problem.path("Code").asText() : problem.path("code").asText();
        if (gdxForm) {
            assertThat(problem.path("Message").isTextual()).as(face + ": GDX's {Code, Message}, got " + body).isTrue();
        }
        assertThat(code).as(face + " code of " + body).isIn(KNOWN_CODES);
        if (status >= 500) {
            assertThat(code).as(face + ": a 5xx is only ever about a provider, got " + body).isIn(PROVIDER_CODES);
        }
    }

    /** A body: fuzzed bytes, or a JSON object whose subject field is fuzzed. */
    private static byte[] body(FuzzedDataProvider data, String field) {
        if (data.consumeBoolean()) {
            return data.consumeBytes(2048);
        }
        return JSON.createObjectNode().put(field, pick(data, CITIZEN)).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Path segments of a known service (maybe lower-cased, as GDX writes them) or fuzzed ones. */
    private static Object[] segments(FuzzedDataProvider data, boolean gdx) {
        if (data.consumeBoolean()) {
            return new Object[] {data.consumeString(20), data.consumeString(30), data.consumeString(8)};
        }
        String[] parts = SERVICES[data.consumeInt(0, SERVICES.length - 1)].split("/");
        if (gdx) {
            parts[0] = parts[0].toLowerCase(java.util.Locale.ROOT);
        }
        return parts;
    }

    /** Either the good value, a fuzzed one, or none (an empty string stands for "absent" where a value is needed). */
    private static String pick(FuzzedDataProvider data, String good) {
        return switch (data.consumeInt(0, 3)) {
            case 0, 1 -> good;
            case 2 -> data.consumeString(64);
            default -> "";
        };
    }

    private static void header(MockHttpServletRequestBuilder request, FuzzedDataProvider data, String name, String good) {
        switch (data.consumeInt(0, 3)) {
            case 0, 1 -> request.header(name, good);
            case 2 -> request.header(name, data.consumeString(80));
            default -> { } // absent
        }
    }

    /** Good credentials, fetched once per run through the real endpoints. */
    private String credential(String who) throws Exception {
        String known = CREDENTIALS.get(who);
        if (known != null) {
            return known;
        }
        String value = switch (who) {
            case "portal" -> bearerOverMvc(PORTAL, PORTAL_SECRET);
            case "citizen-portal" -> bearerOverMvc(CITIZEN_PORTAL, CITIZEN_PORTAL_SECRET);
            case "auditor" -> bearerOverMvc("HUB/audit-console", "demo-audit-console-secret");
            case "operator" -> bearerOverMvc("HUB/operator-console", "demo-operator-console-secret");
            default -> read(mvc.perform(MockMvcRequestBuilders.get("/ws/auth/validate").header("Consumer-Key", GDX_KEY)
                    .param("ConsumerSecret", PORTAL_SECRET).param("AgentID", OFFICER))
                    .andReturn().getResponse().getContentAsString()).path("Result").asText();
        };
        CREDENTIALS.put(who, value);
        return value;
    }

    private String bearerOverMvc(String client, String secret) throws Exception {
        String answer = mvc.perform(MockMvcRequestBuilders.post("/api/v1/auth/token").contentType("application/x-www-form-urlencoded")
                .param("grant_type", "client_credentials").param("client_id", client).param("client_secret", secret))
                .andReturn().getResponse().getContentAsString();
        return "Bearer " + read(answer).path("access_token").asText();
    }

    @AfterAll
    static void printExecutions() {
        System.out.println("HubFacesFuzzTest executions per face: " + new java.util.TreeMap<>(EXECUTIONS));
    }
}

package org.saphan.exchange.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.saphan.exchange.audit.AuditLog;
import org.saphan.exchange.audit.AuditRecord;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.consent.ConsentRecord;
import org.saphan.exchange.consent.ConsentStatus;
import org.saphan.exchange.consent.InMemoryConsentRegistry;
import org.saphan.exchange.policy.PolicyEngine;
import org.saphan.exchange.metering.ExchangeMeter;
import org.saphan.exchange.testing.TestCatalogs;
import org.saphan.schemas.ProblemCode;
import org.saphan.security.secrets.SubjectReferences;
import org.saphan.security.signing.ExchangeSigner;
import org.saphan.security.signing.HubSigningKeys;
import org.saphan.security.signing.KeyAlgorithm;
import org.saphan.security.verify.ExchangeSignatureVerifier;
import org.saphan.security.verify.VerificationResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange route without Spring: the real steps, a test catalog, an in-memory access log, and the
 * provider call cut off with AdviceWith and replaced by a mock endpoint.
 */
class ExchangeRouteTest extends CamelTestSupport {

    private static final String CITIZEN = "1103000123455";
    private static final String SERVICE = "DOPA/citizen-profile/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T03:00:00Z"), ZoneOffset.UTC);

    private final Catalog catalog = TestCatalogs.standard();
    private final List<AuditRecord> audit = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SubjectReferences subjects = new SubjectReferences(new byte[32]);
    private final InMemoryConsentRegistry consents = new InMemoryConsentRegistry();
    private boolean auditBroken;
    private boolean signerBroken;
    private boolean quotaBroken;
    private final Map<String, Long> quotaUse = new java.util.concurrent.ConcurrentHashMap<>();
    private static HubSigningKeys keys;

    @BeforeAll
    static void signingKeys(@TempDir Path dir) {
        keys = HubSigningKeys.openOrCreate(dir.resolve("hub.p12"), "test-only".toCharArray(), KeyAlgorithm.ES256,
                Duration.ofDays(1), Clock.systemUTC());
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        Map<String, ClientSystem> tokens = Map.of(
                "Bearer msdhs", catalog.client("MSDHS/welfare-portal").orElseThrow(),
                "Bearer sso", catalog.client("SSO/benefits-system").orElseThrow(),
                "Bearer rd", catalog.client("RD/tax-audit").orElseThrow(),
                "Bearer auditor", catalog.client("HUB/audit-console").orElseThrow());
        AuditLog log = record -> {
            if (auditBroken) {
                throw new AuditLog.AuditUnavailableException("database down", null);
            }
            audit.add(record);
        };
        AuditTrail trail = new AuditTrail(log, subjects, CLOCK, "test-node");
        ExchangeMeter meter = new ExchangeMeter(meters);
        CountExchange count = new CountExchange(meter);
        ExchangeSigner real = new ExchangeSigner(keys);
        SignAnswer sign = new SignAnswer((body, id) -> {
            if (signerBroken) {
                throw new IllegalStateException("keystore unreadable");
            }
            return real.sign(body, id);
        });
        return new ExchangeRoute(new ExchangeStepSet(
                new Authenticate(r -> Optional.ofNullable(r.header(InboundRequest.AUTHORIZATION)).map(tokens::get)),
                new AdmitRequest(JSON), new RefuseReplay((client, id) -> seenRequestIds.add(client + " " + id)),
                new FindService(() -> catalog), new FindAgreement(() -> catalog, CLOCK),
                new EnforceQuota((agreement, quota, at) -> {
                    if (quotaBroken) {
                        throw new IllegalStateException("database down");
                    }
                    long minute = quota.perMinute() == null ? 0
                            : quotaUse.merge(agreement + " MINUTE " + EnforceQuota.Window.MINUTE.start(at), 1L, Long::sum);
                    long day = quota.perDay() == null || (quota.perMinute() != null && minute > quota.perMinute()) ? 0
                            : quotaUse.merge(agreement + " DAY " + EnforceQuota.Window.DAY.start(at), 1L, Long::sum);
                    return new EnforceQuota.Uses(minute, day);
                }, CLOCK),
                new ValidateRequest(), new DecidePolicy(new PolicyEngine(), consents, subjects, CLOCK, meter),
                new ValidateAnswer(), new ReleaseAgreedFields(),
                new ComposeAnswer(JSON, CLOCK), sign, new RecordAudit(trail), count, new AnswerRefusal(trail, count, sign)));
    }

    private final java.util.Set<String> seenRequestIds = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeEach
    void cutOffTheProvider() throws Exception {
        AdviceWith.adviceWith(context, ExchangeRoute.ROUTE_ID,
                a -> a.weaveById("call-provider").replace().to("mock:provider"));
        context.start();
        MockEndpoint provider = getMockEndpoint("mock:provider");
        provider.whenAnyExchangeReceived(e -> e.getMessage().setBody(JSON.readTree("""
                {"citizenId":"1103000123455","titleTh":"นาย","firstNameTh":"สมชาย","lastNameTh":"ใจดี",
                 "firstNameEn":"Somchai","lastNameEn":"Jaidee","birthDate":"1989-04-15","gender":"male",
                 "nationality":"TH","lifeStatus":"alive",
                 "address":{"houseNo":"99/1","subdistrict":"ลาดยาว","district":"จตุจักร","province":"กรุงเทพมหานคร","postalCode":"10900"}}
                """)));
    }

    @Test
    void releasesOnlyTheAgreedFieldsAndAuditsFirst() throws Exception {
        ExchangeAnswer answer = send(request());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("service").asText()).isEqualTo(SERVICE);
        assertThat(body.path("exchangeId").asText()).isEqualTo(answer.headers().get("X-Exchange-Id"));
        // AGR-1 releases citizenId, firstNameTh, birthDate, address.province: nothing else leaves
        assertThat(JSON.writeValueAsString(body.get("data"))).isEqualTo(
                "{\"citizenId\":\"1103000123455\",\"firstNameTh\":\"สมชาย\",\"birthDate\":\"1989-04-15\","
                        + "\"address\":{\"province\":\"กรุงเทพมหานคร\"}}");

        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.decision()).isEqualTo("permit");
            assertThat(r.reasonCode()).isEqualTo("ok");
            assertThat(r.consumer()).isEqualTo("MSDHS/welfare-portal");
            assertThat(r.officer()).isEqualTo("3100600123450");
            assertThat(r.legalBasis()).isEqualTo("pdpa-24-4");
            assertThat(r.legalReference()).isEqualTo("Social Welfare Promotion Act B.E. 2546");
            assertThat(r.subjectRef()).isEqualTo(subjects.of(CITIZEN)).doesNotContain(CITIZEN);
            assertThat(r.fieldsReleased()).containsExactly("citizenId", "firstNameTh", "birthDate", "address.province");
            assertThat(r.providerLatencyMs()).isGreaterThanOrEqualTo(0);
            assertThat(r.exchangeId()).isEqualTo(body.path("exchangeId").asText());
        });
        assertThat(meters.get(ExchangeMeter.EXCHANGES).tag("outcome", "ok").tag("consumer_agency", "MSDHS")
                .counter().count()).isEqualTo(1.0);
        assertThat(meters.get(ExchangeMeter.POLICY_DECISIONS).tag("decision", "permit").tag("reason", "pdpa-24-4")
                .counter().count()).isEqualTo(1.0);
        assertSignedByTheHub(answer, body.path("exchangeId").asText());
    }

    @Test
    void aHubThatCannotSignReleasesNothing() throws Exception {
        signerBroken = true;
        ExchangeAnswer answer = send(request());
        assertThat(answer.status()).isEqualTo(503);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("hub-unavailable").doesNotContain("สมชาย");
        assertThat(answer.headers()).doesNotContainKey(SignAnswer.SIGNATURE_HEADER);
        assertThat(audit).singleElement().satisfies(r -> assertThat(r.reasonCode()).isEqualTo("hub-unavailable"));
    }

    private static void assertSignedByTheHub(ExchangeAnswer answer, String exchangeId) {
        VerificationResult result = new ExchangeSignatureVerifier()
                .verify(answer.body(), answer.headers().get(SignAnswer.SIGNATURE_HEADER), keys.publicJwks());
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.exchangeId()).isEqualTo(exchangeId);
        byte[] changed = answer.body().clone();
        changed[changed.length - 2] ^= 1;
        assertThat(new ExchangeSignatureVerifier().verify(changed, answer.headers().get(SignAnswer.SIGNATURE_HEADER),
                keys.publicJwks()).valid()).isFalse();
    }

    /** Each refusal the skeleton can meet: its code, status, an audit record, a count, and no provider call. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no token               | authorization= | unauthenticated | 401
            unknown token          | authorization=Bearer nope | unauthenticated | 401
            no consumer role       | authorization=Bearer auditor | access-denied | 403
            no agreement           | authorization=Bearer rd | access-denied | 403
            expired agreement      | authorization=Bearer sso | access-denied | 403
            purpose not agreed     | x-purpose=tax-administration | purpose-not-allowed | 403
            purpose malformed      | x-purpose=Welfare Eligibility! | invalid-request | 400
            basis not agreed       | x-legal-basis=pdpa-24-5 | legal-basis-not-allowed | 403
            basis unknown          | x-legal-basis=because | invalid-request | 400
            consent without id     | x-legal-basis=consent | consent-required | 403
            no officer             | x-officer-id= | invalid-request | 400
            officer bad check digit| x-officer-id=3100600123458 | invalid-request | 400
            no request id          | x-request-id= | invalid-request | 400
            unknown service        | path=DOPA/nothing/v1 | unknown-service | 404
            malformed service path | path=dopa/../v1 | unknown-service | 404
            bad check digit        | body={"citizenId":"1103000123456"} | invalid-citizen-id | 400
            short citizen id       | body={"citizenId":"110300012345"} | invalid-citizen-id | 400
            extra field            | body={"citizenId":"1103000123455","salary":1} | invalid-request | 400
            missing field          | body={} | invalid-request | 400
            not json               | body={"citizenId": | invalid-request | 400
            json array             | body=[] | invalid-request | 400
            wrong media type       | content-type=text/plain | unsupported-media-type | 415
            too large              | too-large=true | payload-too-large | 413
            """)
    void refusesAuditsAndCounts(String what, String change, String code, int status) throws Exception {
        ExchangeAnswer answer = send(request(change));

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).endsWith("/" + code);
        assertThat(problem.path("exchangeId").asText()).isEqualTo(answer.headers().get("X-Exchange-Id"));
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).doesNotContain("1103000123").doesNotContain("Exception");
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.decision()).isEqualTo("deny");
            assertThat(r.reasonCode()).isEqualTo(code);
            assertThat(r.httpStatus()).isEqualTo(status);
            assertThat(r.fieldsReleased()).isEmpty();
            assertThat(r.providerLatencyMs()).isEqualTo(-1);
        });
        getMockEndpoint("mock:provider").expectedMessageCount(0);
        getMockEndpoint("mock:provider").assertIsSatisfied();
        assertThat(meters.get(ExchangeMeter.EXCHANGES).tag("outcome", code).counter().count()).isEqualTo(1.0);
        // only the policy engine's own denials count as policy decisions; earlier refusals never reach it
        double decided = meters.find(ExchangeMeter.POLICY_DECISIONS).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
        if (java.util.Set.of("purpose-not-allowed", "legal-basis-not-allowed", "consent-required").contains(code)) {
            assertThat(meters.get(ExchangeMeter.POLICY_DECISIONS).tag("decision", "deny").tag("reason", code)
                    .counter().count()).isEqualTo(1.0);
            assertThat(decided).isEqualTo(1.0);
        } else {
            assertThat(decided).isZero();
        }
        assertSignedByTheHub(answer, problem.path("exchangeId").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}",
            "{\"citizenId\":11111111111111111111111111111111111111111}",
            "{\"citizenId\":\"%s\"}"})
    void parsingStopsAtTheBodyLimits(String template) throws Exception {
        String body = template.formatted("1".repeat(5_000));
        ExchangeAnswer answer = send(request("body=" + body));
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("code").asText()).isEqualTo("invalid-request");
        assertThat(problem.path("detail").asText()).contains("nested too deeply or holds an overlong");
    }

    @Test
    void aRepeatedRequestIdOfTheSameClientIsReplayedAndAudited() throws Exception {
        String requestId = UUID.randomUUID().toString();
        assertThat(send(request("x-request-id=" + requestId)).status()).isEqualTo(200);
        ExchangeAnswer again = send(request("x-request-id=" + requestId.toUpperCase(java.util.Locale.ROOT)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("code").asText()).isEqualTo("replayed-request");
        assertThat(audit).hasSize(2);
        assertThat(audit.get(1).reasonCode()).isEqualTo("replayed-request");
        assertThat(audit.get(1).requestId()).isEqualTo(requestId);
        getMockEndpoint("mock:provider").expectedMessageCount(1);
        getMockEndpoint("mock:provider").assertIsSatisfied();
    }

    @Test
    void anUnknownConsentIsInvalidAndNothingIsReleased() throws Exception {
        ExchangeAnswer answer = send(request("x-legal-basis=consent", "x-consent-id=c-123"));
        assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("consent-invalid");
        assertThat(audit).singleElement().satisfies(r -> assertThat(r.consentId()).isEqualTo("c-123"));
        getMockEndpoint("mock:provider").expectedMessageCount(0);
        getMockEndpoint("mock:provider").assertIsSatisfied();
    }

    @Test
    void aValidConsentReleasesCountsItsUseAndIsAudited() throws Exception {
        consents.give(consent("c-ok", CITIZEN, ConsentStatus.GIVEN), "test");
        ExchangeAnswer answer = send(request("x-legal-basis=consent", "x-consent-id=c-ok"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(consents.find("c-ok").orElseThrow().useCount()).isEqualTo(1);
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.decision()).isEqualTo("permit");
            assertThat(r.legalBasis()).isEqualTo("consent");
            assertThat(r.consentId()).isEqualTo("c-ok");
            assertThat(r.legalReference()).isNull();
        });
    }

    @Test
    void anotherSubjectsConsentOrAWithdrawnOneIsInvalid() throws Exception {
        consents.give(consent("c-other", "1400100234563", ConsentStatus.GIVEN), "test");
        consents.give(consent("c-gone", CITIZEN, ConsentStatus.GIVEN), "test");
        consents.withdraw("c-gone", CLOCK.instant().minusSeconds(1), "test");
        assertThat(JSON.readTree(send(request("x-legal-basis=consent", "x-consent-id=c-other")).body())
                .path("code").asText()).isEqualTo("consent-invalid");
        assertThat(JSON.readTree(send(request("x-legal-basis=consent", "x-consent-id=c-gone")).body())
                .path("code").asText()).isEqualTo("consent-invalid");
        assertThat(consents.find("c-other").orElseThrow().useCount()).isZero();
        getMockEndpoint("mock:provider").expectedMessageCount(0);
        getMockEndpoint("mock:provider").assertIsSatisfied();
    }

    @Test
    void anUnreadableConsentStoreReleasesNothing() throws Exception {
        consents.give(consent("c-ok", CITIZEN, ConsentStatus.GIVEN), "test");
        consents.broken = true;
        ExchangeAnswer answer = send(request("x-legal-basis=consent", "x-consent-id=c-ok"));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("hub-unavailable");
        assertThat(audit).singleElement().satisfies(r -> assertThat(r.reasonCode()).isEqualTo("hub-unavailable"));
        getMockEndpoint("mock:provider").expectedMessageCount(0);
        getMockEndpoint("mock:provider").assertIsSatisfied();
    }

    private ConsentRecord consent(String id, String citizen, ConsentStatus status) {
        return new ConsentRecord(id, subjects.of(citizen), "MSDHS", java.util.Set.of("welfare-eligibility"),
                java.util.Set.of(SERVICE), java.util.Set.of(), false, CLOCK.instant().minusSeconds(3600), null, status,
                null, "test", "https://example.test/notice", "1", 0);
    }

    @Test
    void overTheAgreementsQuotaIsQuotaExceededWithRetryAfterToTheWindowsEnd() throws Exception {
        // AGR-1 allows 3 calls a minute; the clock stands at 03:00:00, so the minute ends in 60 s
        for (int i = 0; i < 3; i++) {
            assertThat(send(request()).status()).isEqualTo(200);
        }
        ExchangeAnswer refused = send(request());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(JSON.readTree(refused.body()).path("code").asText()).isEqualTo("quota-exceeded");
        assertThat(refused.headers()).containsEntry("Retry-After", "60").containsKey(SignAnswer.SIGNATURE_HEADER);
        assertThat(audit).hasSize(4).last().satisfies(r -> assertThat(r.reasonCode()).isEqualTo("quota-exceeded"));
        getMockEndpoint("mock:provider").expectedMessageCount(3);
        getMockEndpoint("mock:provider").assertIsSatisfied();
    }

    @Test
    void aUsedUpDayIsRefusedUntilMidnightUtc() throws Exception {
        quotaUse.put("AGR-1 DAY 2026-06-01T00:00:00Z", 1000L);
        ExchangeAnswer refused = send(request());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers()).containsEntry("Retry-After", String.valueOf(21 * 3600));
    }

    @Test
    void aQuotaThatCannotBeCountedReleasesNothing() throws Exception {
        quotaBroken = true;
        ExchangeAnswer answer = send(request());
        assertThat(answer.status()).isEqualTo(503);
        assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("hub-unavailable");
        assertThat(answer.headers()).doesNotContainKey("Retry-After");
        getMockEndpoint("mock:provider").expectedMessageCount(0);
        getMockEndpoint("mock:provider").assertIsSatisfied();
    }

    @Test
    void providerRefusalsPassThroughWithTheirCode() throws Exception {
        getMockEndpoint("mock:provider").whenAnyExchangeReceived(e -> {
            throw new ExchangeRefusal(ProblemCode.PROVIDER_TIMEOUT, "The provider did not answer in time.");
        });
        ExchangeAnswer answer = send(request());
        assertThat(answer.status()).isEqualTo(504);
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo("provider-timeout");
            assertThat(r.providerLatencyMs()).isGreaterThanOrEqualTo(0);
            assertThat(r.subjectRef()).isNotNull();
        });
    }

    @Test
    void anOffSchemaAnswerIsAProviderErrorAndReleasesNothing() throws Exception {
        getMockEndpoint("mock:provider").whenAnyExchangeReceived(e -> e.getMessage().setBody(
                JSON.readTree("{\"citizenId\":\"1103000123455\",\"firstNameTh\":\"สมชาย\",\"gender\":\"m\"}")));
        ExchangeAnswer answer = send(request());
        assertThat(answer.status()).isEqualTo(502);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).doesNotContain("สมชาย");
        assertThat(audit).singleElement().satisfies(r -> assertThat(r.reasonCode()).isEqualTo("provider-error"));
    }

    @Test
    void whenTheAccessLogCannotBeWrittenNoDataLeaves() throws Exception {
        auditBroken = true;
        ExchangeAnswer answer = send(request());
        assertThat(answer.status()).isEqualTo(503);
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("hub-unavailable").doesNotContain("สมชาย").doesNotContain("1103000123455");
        assertThat(audit).isEmpty();
    }

    @Test
    void anUnexpectedFailureIsHubUnavailableAndItsMessageIsNotEchoed() throws Exception {
        getMockEndpoint("mock:provider").whenAnyExchangeReceived(e -> {
            throw new IllegalStateException("lookup failed for 1103000123455");
        });
        ExchangeAnswer answer = send(request());
        assertThat(answer.status()).isEqualTo(503);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("hub-unavailable")
                .doesNotContain("1103000123455").doesNotContain("IllegalState");
        assertThat(audit).singleElement().satisfies(r -> assertThat(r.reasonCode()).isEqualTo("hub-unavailable"));
    }

    private ExchangeAnswer send(InboundRequest inbound) {
        ExchangeState state = new ExchangeState(ExchangeIds.next(), CLOCK.instant(), System.nanoTime(), inbound);
        template.send(ExchangeRoute.ENTRY, e -> e.setProperty(ExchangeState.PROPERTY, state));
        return state.answer();
    }

    /** A good request, changed by {@code name=value} pairs (empty value removes a header). */
    private static InboundRequest request(String... changes) {
        Map<String, String> headers = new HashMap<>(Map.of(
                InboundRequest.AUTHORIZATION, "Bearer msdhs",
                InboundRequest.PURPOSE, "welfare-eligibility",
                InboundRequest.LEGAL_BASIS, "pdpa-24-4",
                InboundRequest.OFFICER_ID, "3100600123450",
                InboundRequest.REQUEST_ID, UUID.randomUUID().toString()));
        String path = SERVICE;
        String body = "{\"citizenId\":\"" + CITIZEN + "\"}";
        String contentType = "application/json";
        boolean tooLarge = false;
        for (String change : changes) {
            int eq = change.indexOf('=');
            String name = change.substring(0, eq);
            String value = change.substring(eq + 1);
            switch (name) {
                case "path" -> path = value;
                case "body" -> body = value;
                case "content-type" -> contentType = value;
                case "too-large" -> tooLarge = Boolean.parseBoolean(value);
                default -> {
                    if (value.isEmpty()) {
                        headers.remove(name);
                    } else {
                        headers.put(name, value);
                    }
                }
            }
        }
        return new InboundRequest(path, headers, body.getBytes(StandardCharsets.UTF_8), tooLarge, contentType);
    }
}

package org.saphan.connectors.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.saphan.exchange.audit.AuditRecord;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.CatalogLoader;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.consent.ConsentEvent;
import org.saphan.exchange.consent.ConsentRecord;
import org.saphan.exchange.consent.ConsentRegistry;
import org.saphan.exchange.metering.ExchangeMeter;
import org.saphan.exchange.policy.PolicyEngine;
import org.saphan.exchange.provider.ConnectorKind;
import org.saphan.exchange.provider.ProviderEndpoints;
import org.saphan.exchange.route.AdmitRequest;
import org.saphan.exchange.route.AnswerRefusal;
import org.saphan.exchange.route.AuditTrail;
import org.saphan.exchange.route.Authenticate;
import org.saphan.exchange.route.ComposeAnswer;
import org.saphan.exchange.route.CountExchange;
import org.saphan.exchange.route.DecidePolicy;
import org.saphan.exchange.route.EnforceQuota;
import org.saphan.exchange.route.ExchangeAnswer;
import org.saphan.exchange.route.ExchangeEntry;
import org.saphan.exchange.route.ExchangeIds;
import org.saphan.exchange.route.ExchangeRoute;
import org.saphan.exchange.route.ExchangeState;
import org.saphan.exchange.route.ExchangeStepSet;
import org.saphan.exchange.route.FindAgreement;
import org.saphan.exchange.route.FindService;
import org.saphan.exchange.route.InboundRequest;
import org.saphan.exchange.route.RecordAudit;
import org.saphan.exchange.route.RefuseReplay;
import org.saphan.exchange.route.ReleaseAgreedFields;
import org.saphan.exchange.route.SignAnswer;
import org.saphan.exchange.route.ValidateAnswer;
import org.saphan.exchange.route.ValidateRequest;
import org.saphan.schemas.ServiceId;
import org.saphan.security.secrets.SubjectReferences;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The composite connector inside the real exchange route (every step, an in-memory access log, a stub
 * signature), with its parts' providers replaced by routes that answer the standard data set after a set delay:
 * the composite's own timeout, and how a part's legal basis is chosen when the caller gives no consent for it.
 */
class CompositeConnectorTest extends CamelTestSupport {

    static final String ONE_STOP = "HUB/welfare-eligibility/v1";
    static final String PROFILE = "DOPA/citizen-profile/v1";
    static final String DISABILITY = "MSDHS/disability-status/v1";
    static final String PAYMENTS = "CGD/welfare-payments/v1";
    static final String CITIZEN = "1901100567895";
    static final long COMPOSITE_TIMEOUT_MS = 600;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T03:00:00Z"), ZoneOffset.UTC);

    /** The parts' providers in this test: no settings, their routes are the test's. */
    static final ConnectorKind STUB = new ConnectorKind() {
        @Override
        public String kind() {
            return "stub";
        }

        @Override
        public void check(String serviceId, Map<String, Object> settings, List<String> problems) {
        }
    };

    static final String CATALOG = """
            purposes:
              - {code: welfare-eligibility, titleTh: ตรวจสอบสิทธิสวัสดิการของรัฐ, titleEn: Checking eligibility for state welfare}
            agencies:
              - {code: DOPA, nameTh: ก, nameEn: DOPA}
              - {code: MSDHS, nameTh: ข, nameEn: MSDHS}
              - {code: CGD, nameTh: ค, nameEn: CGD}
              - {code: HUB, nameTh: ง, nameEn: HUB}
            clients:
              - {id: MSDHS/welfare-portal, name: portal, roles: [consumer]}
            services:
              - id: DOPA/citizen-profile/v1
                titleTh: ข้อมูลบุคคล
                titleEn: Citizen profile
                purposes: [welfare-eligibility]
                requestSchema: classpath:saphan/schemas/DOPA/citizen-profile/v1/request.schema.json
                responseSchema: classpath:saphan/schemas/DOPA/citizen-profile/v1/response.schema.json
                subjectField: citizenId
                fields: {citizenId: personal, titleTh: personal, firstNameTh: personal, lastNameTh: personal,
                         firstNameEn: personal, lastNameEn: personal, birthDate: personal, gender: personal,
                         nationality: personal, lifeStatus: personal, address: personal}
                connector: {kind: stub, timeout: 3s, settings: {}}
                metadata: {owner: DOPA, dataCategory: personal, updateFrequency: real-time, maintainer: DOPA}
              - id: MSDHS/disability-status/v1
                titleTh: คนพิการ
                titleEn: Disability status
                purposes: [welfare-eligibility]
                requestSchema: classpath:saphan/schemas/MSDHS/disability-status/v1/request.schema.json
                responseSchema: classpath:saphan/schemas/MSDHS/disability-status/v1/response.schema.json
                subjectField: citizenId
                fields: {citizenId: personal, registration: sensitive, disabilityType: sensitive, cardNumber: sensitive,
                         cardIssueDate: sensitive, cardExpiryDate: sensitive, cardStatus: sensitive}
                connector: {kind: stub, timeout: 3s, settings: {}}
                metadata: {owner: MSDHS, dataCategory: personal, updateFrequency: daily, maintainer: MSDHS}
              - id: CGD/welfare-payments/v1
                titleTh: การจ่ายเงินสวัสดิการ
                titleEn: Welfare payments
                purposes: [welfare-eligibility]
                requestSchema: classpath:saphan/schemas/CGD/welfare-payments/v1/request.schema.json
                responseSchema: classpath:saphan/schemas/CGD/welfare-payments/v1/response.schema.json
                subjectField: citizenId
                fields: {citizenId: personal, elderlyAllowanceThb: personal, disabilityAllowanceThb: sensitive,
                         childSupportThb: personal, paymentStatus: personal, lastPaymentDate: personal}
                connector: {kind: stub, timeout: 3s, settings: {}}
                metadata: {owner: CGD, dataCategory: personal, updateFrequency: monthly, maintainer: CGD}
              - id: HUB/welfare-eligibility/v1
                titleTh: ตรวจสอบสิทธิสวัสดิการแบบจุดเดียว
                titleEn: One-stop welfare eligibility
                purposes: [welfare-eligibility]
                requestSchema: classpath:saphan/schemas/HUB/welfare-eligibility/v1/request.schema.json
                responseSchema: classpath:saphan/schemas/HUB/welfare-eligibility/v1/response.schema.json
                subjectField: citizenId
                fields: {citizenId: personal, ageYears: personal, lifeStatus: personal, address: personal,
                         disability: sensitive, welfarePayments: personal, eligibility: sensitive, parts: public}
                connector:
                  kind: composite
                  timeout: %dms
                  settings:
                    parts: [DOPA/citizen-profile/v1, MSDHS/disability-status/v1, CGD/welfare-payments/v1]
                    answer: welfare-eligibility
                metadata: {owner: HUB, dataCategory: personal, updateFrequency: real-time, maintainer: HUB}
            agreements:
              - {id: AGR-DOPA, consumer: MSDHS/welfare-portal, service: DOPA/citizen-profile/v1,
                 purposes: [welfare-eligibility], legalBases: [pdpa-24-4], legalReference: Social Welfare Promotion Act,
                 releasedFields: [citizenId, birthDate, lifeStatus, address.province],
                 validFrom: 2026-01-01, validUntil: 2028-12-31, retention: 5 years}
              - {id: AGR-MSDHS, consumer: MSDHS/welfare-portal, service: MSDHS/disability-status/v1,
                 purposes: [welfare-eligibility], legalBases: [explicit-consent, consent],
                 releasedFields: [citizenId, registration, disabilityType, cardStatus],
                 validFrom: 2026-01-01, validUntil: 2028-12-31, retention: 1 year}
              - {id: AGR-CGD, consumer: MSDHS/welfare-portal, service: CGD/welfare-payments/v1,
                 purposes: [welfare-eligibility], legalBases: [pdpa-24-4], legalReference: Social Welfare Promotion Act,
                 releasedFields: [citizenId, elderlyAllowanceThb, paymentStatus],
                 validFrom: 2026-01-01, validUntil: 2028-12-31, retention: 5 years}
              - {id: AGR-HUB, consumer: MSDHS/welfare-portal, service: HUB/welfare-eligibility/v1,
                 purposes: [welfare-eligibility], legalBases: [pdpa-26-5], legalReference: Persons with Disabilities Empowerment Act,
                 releasedFields: [citizenId, ageYears, lifeStatus, address, disability, welfarePayments, eligibility, parts],
                 validFrom: 2026-01-01, validUntil: 2028-12-31, retention: 5 years}
            """.formatted(COMPOSITE_TIMEOUT_MS);

    /** What each part's provider answers (the standard data set), and after how long. */
    static final Map<String, String> ANSWERS = Map.of(
            PROFILE, """
                    {"citizenId":"%s","firstNameTh":"ณัฐพล","lastNameTh":"รัตนพันธ์","birthDate":"1992-03-01",
                     "gender":"male","lifeStatus":"alive","address":{"province":"สงขลา"}}""".formatted(CITIZEN),
            DISABILITY, """
                    {"citizenId":"%s","registration":"registered","disabilityType":"physical","cardStatus":"valid"}"""
                    .formatted(CITIZEN),
            PAYMENTS, """
                    {"citizenId":"%s","elderlyAllowanceThb":0,"disabilityAllowanceThb":800,"childSupportThb":0,
                     "paymentStatus":"active"}""".formatted(CITIZEN));
    final Map<String, Long> delayMs = new ConcurrentHashMap<>();
    final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
    Catalog catalog;

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        catalog = new CatalogLoader(name -> getClass().getResourceAsStream("/" + name.replace("classpath:", "")),
                t -> t, List.of(STUB, new CompositeConnector())).load("composite-test", CATALOG);
        ClientSystem portal = catalog.client("MSDHS/welfare-portal").orElseThrow();
        SubjectReferences subjects = new SubjectReferences(new byte[32]);
        AuditTrail trail = new AuditTrail(audit::add, subjects, CLOCK, "test-node");
        ExchangeMeter meter = new ExchangeMeter(new SimpleMeterRegistry());
        CountExchange count = new CountExchange(meter);
        SignAnswer sign = new SignAnswer((body, exchangeId) -> "test-signature"); // signing is not under test here
        ExchangeRoute exchange = new ExchangeRoute(new ExchangeStepSet(
                new Authenticate(r -> "Bearer portal".equals(r.header(InboundRequest.AUTHORIZATION)) ? Optional.of(portal) : Optional.empty()),
                new AdmitRequest(JSON), new RefuseReplay((client, id) -> true),
                new FindService(() -> catalog), new FindAgreement(() -> catalog, CLOCK),
                new EnforceQuota((agreement, quota, at) -> new EnforceQuota.Uses(1, 1), CLOCK),
                new ValidateRequest(), new DecidePolicy(new PolicyEngine(), new NoConsents(), subjects, CLOCK, meter),
                new ValidateAnswer(), new ReleaseAgreedFields(), new ComposeAnswer(JSON, CLOCK), sign,
                new RecordAudit(trail), count, new AnswerRefusal(trail, count, sign)));
        RouteBuilder providers = new RouteBuilder() {
            @Override
            public void configure() {
                for (String part : ANSWERS.keySet()) {
                    from(ProviderEndpoints.of(ServiceId.parse(part)))
                            .process(e -> Thread.sleep(delayMs.getOrDefault(part, 0L)))
                            .process(e -> e.getMessage().setBody(JSON.readTree(ANSWERS.get(part))));
                }
            }
        };
        return new RoutesBuilder[] {exchange, providers, new CompositeConnectorRoutes(catalog, () -> catalog, JSON, CLOCK)};
    }

    /** Calls the one-stop service as a face would, and returns its answer. */
    private ExchangeAnswer askOneStop(String consents) {
        Map<String, String> headers = new HashMap<>();
        headers.put(InboundRequest.AUTHORIZATION, "Bearer portal");
        headers.put(InboundRequest.PURPOSE, "welfare-eligibility");
        headers.put(InboundRequest.LEGAL_BASIS, "pdpa-26-5");
        headers.put(InboundRequest.OFFICER_ID, "3100600123450");
        headers.put(InboundRequest.REQUEST_ID, UUID.randomUUID().toString());
        String body = "{\"citizenId\":\"" + CITIZEN + "\"" + (consents == null ? "" : ",\"consents\":" + consents) + "}";
        ExchangeState state = new ExchangeState(ExchangeIds.next(), CLOCK.instant(), System.nanoTime(),
                new InboundRequest(ONE_STOP, headers, body.getBytes(StandardCharsets.UTF_8), false, ExchangeAnswer.JSON, null));
        ExchangeEntry.send(template, state);
        return state.answer();
    }

    private static Map<String, JsonNode> parts(JsonNode data) {
        Map<String, JsonNode> parts = new HashMap<>();
        data.path("parts").forEach(p -> parts.put(p.path("service").asText(), p));
        return parts;
    }

    private Optional<AuditRecord> auditOf(String exchangeId) {
        return audit.stream().filter(r -> r.exchangeId().equals(exchangeId)).findFirst();
    }

    @Test
    void aPartPastTheCompositesTimeoutIsReportedAndTheOthersAnswerWithoutWaitingForIt() throws Exception {
        delayMs.put(PAYMENTS, 3 * COMPOSITE_TIMEOUT_MS);
        long started = System.nanoTime();
        ExchangeAnswer answer = askOneStop(null);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.status()).isEqualTo(200);
        // the composite answers at its own timeout, not when the slow part ends
        assertThat(tookMs).isBetween(COMPOSITE_TIMEOUT_MS, 2 * COMPOSITE_TIMEOUT_MS);
        JsonNode envelope = JSON.readTree(answer.body());
        JsonNode data = envelope.path("data");
        Map<String, JsonNode> parts = parts(data);
        JsonNode late = parts.get(PAYMENTS);
        assertThat(late.path("code").asText()).isEqualTo("provider-timeout");
        assertThat(late.path("released").asBoolean()).isFalse();
        assertThat(data.has("welfarePayments")).isFalse();
        assertThat(parts.get(PROFILE).path("code").asText()).isEqualTo("ok");
        assertThat(data.path("lifeStatus").asText()).isEqualTo("alive");
        // the late part is not abandoned: it ends on its own and audits itself, tied to the composite
        String lateId = late.path("exchangeId").asText();
        assertThat(lateId).isNotBlank();
        assertThat(auditOf(lateId)).isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (auditOf(lateId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        AuditRecord lateRecord = auditOf(lateId).orElseThrow(() -> new AssertionError("the late part wrote no audit record"));
        assertThat(lateRecord.decision()).isEqualTo(AuditRecord.PERMIT);
        assertThat(lateRecord.correlationId()).isEqualTo(envelope.path("exchangeId").asText());
    }

    @Test
    void withoutAConsentIdAPartWhoseAgreementNeedsConsentIsRefusedWithConsentRequired() throws Exception {
        ExchangeAnswer answer = askOneStop(null);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode data = JSON.readTree(answer.body()).path("data");
        JsonNode refused = parts(data).get(DISABILITY);
        // the agreement allows only consent bases: the caller learns a consent is what is missing
        assertThat(refused.path("code").asText()).isEqualTo("consent-required");
        assertThat(data.has("disability")).isFalse();
        AuditRecord record = auditOf(refused.path("exchangeId").asText()).orElseThrow();
        assertThat(record.decision()).isEqualTo(AuditRecord.DENY);
        assertThat(record.reasonCode()).isEqualTo("consent-required");
        assertThat(parts(data).get(PROFILE).path("code").asText()).isEqualTo("ok");
        assertThat(parts(data).get(PAYMENTS).path("code").asText()).isEqualTo("ok");
    }

    /** No consent record exists: the tests here never reach a lookup that should find one. */
    static final class NoConsents implements ConsentRegistry {
        @Override
        public void give(ConsentRecord record, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ConsentRecord> find(String id) {
            return Optional.empty();
        }

        @Override
        public boolean withdraw(String id, Instant at, String actor) {
            return false;
        }

        @Override
        public void recordUse(String id) {
        }

        @Override
        public List<ConsentEvent> history(String id) {
            return List.of();
        }
    }
}

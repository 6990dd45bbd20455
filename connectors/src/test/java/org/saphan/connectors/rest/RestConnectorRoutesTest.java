package org.saphan.connectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.CatalogLoader;
import org.saphan.exchange.provider.ConnectorKind;
import org.saphan.exchange.provider.ProviderEndpoints;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.ProblemCode;
import org.saphan.schemas.ServiceId;
import org.saphan.simulators.AgencySimulators;
import org.saphan.simulators.http.FaultMode;
import org.saphan.simulators.population.Address;
import org.saphan.simulators.population.Person;
import org.saphan.simulators.population.SyntheticPopulation;
import org.springframework.core.io.DefaultResourceLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The REST connector's Camel routes against the real DOPA simulator (and, where the simulator cannot show what
 * it received, a {@link RecordingProvider}), built from a catalog the way the hub builds them.
 */
class RestConnectorRoutesTest extends CamelTestSupport {

    /** The DOPA simulator, with a short timeout so the slow fault is quick to test. */
    static final ServiceId PROFILE = ServiceId.parse("DOPA/citizen-profile/v1");
    /** The same native API on a second simulator, which one test stops. */
    static final ServiceId STANDBY = ServiceId.parse("DOPA/citizen-profile-standby/v1");
    /** The same native API on a {@link RecordingProvider}. */
    static final ServiceId RECORDED = ServiceId.parse("DOPA/citizen-profile-recorded/v1");
    /** A service of another connector kind: the REST routes must leave it alone. */
    static final ServiceId OTHER_KIND = ServiceId.parse("DOPA/citizen-photo/v1");

    static final String ADULT_MAN = "1103000123455";
    static final String UNKNOWN = "1999900000005";
    static final long TIMEOUT_MS = 300;
    static final long SLOW_DELAY_MS = 1_500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CATALOG = """
            purposes:
              - {code: welfare-eligibility, titleTh: ตรวจสอบสิทธิ, titleEn: Welfare eligibility}
            agencies:
              - {code: DOPA, nameTh: กรมการปกครอง, nameEn: Department of Provincial Administration}
            services:
            """
            + service("DOPA/citizen-profile/v1", """
                  kind: rest
                  timeout: 300ms
                  settings:
                    baseUrl: ${dopa.url}
                    method: GET
                    path: /dopa/linkage/citizen-profile
                    query: {PID: citizenId}
                    mapping: classpath:mappings/DOPA/citizen-profile/v1.yaml
                """)
            + service("DOPA/citizen-profile-standby/v1", """
                  kind: rest
                  timeout: 2s
                  settings:
                    baseUrl: ${standby.url}/
                    path: /dopa/linkage/citizen-profile
                    query: {PID: citizenId}
                    mapping: classpath:mappings/DOPA/citizen-profile/v1.yaml
                """)
            + service("DOPA/citizen-profile-recorded/v1", """
                  kind: rest
                  timeout: 2s
                  settings:
                    baseUrl: ${recorder.url}
                    method: GET
                    path: /dopa/linkage/citizen-profile
                    query: {PID: citizenId}
                    mapping: classpath:mappings/DOPA/citizen-profile/v1.yaml
                """)
            + service("DOPA/citizen-photo/v1", """
                  kind: other
                  timeout: 2s
                """);

    /** A catalog service answering the DOPA citizen-profile data set, reached through {@code connector}. */
    static String service(String id, String connector) {
        return """
                  - id: %s
                    titleTh: ข้อมูลบุคคล
                    titleEn: Citizen profile
                    purposes: [welfare-eligibility]
                    requestSchema: classpath:saphan/schemas/DOPA/citizen-profile/v1/request.schema.json
                    responseSchema: classpath:saphan/schemas/DOPA/citizen-profile/v1/response.schema.json
                    subjectField: citizenId
                    fields: {citizenId: personal, titleTh: personal, firstNameTh: personal, lastNameTh: personal,
                             firstNameEn: personal, lastNameEn: personal, birthDate: personal, gender: personal,
                             nationality: personal, lifeStatus: personal, address: personal}
                    metadata: {owner: DOPA, dataCategory: personal, updateFrequency: real-time, maintainer: DOPA}
                    connector:
                """.formatted(id) + connector.indent(4);
    }

    /** A connector kind that is not {@code rest}. */
    private static final ConnectorKind OTHER = new ConnectorKind() {
        @Override
        public String kind() {
            return "other";
        }

        @Override
        public void check(String serviceId, Map<String, Object> settings, List<String> problems) {
        }
    };

    static AgencySimulators simulators;
    static AgencySimulators standby;
    static RecordingProvider recorder;

    private RestConnector connector;

    @BeforeAll
    static void startProviders() {
        simulators = AgencySimulators.start(0);
        standby = AgencySimulators.start(0);
        recorder = new RecordingProvider();
    }

    @AfterAll
    static void stopProviders() {
        recorder.close();
        standby.close();
        simulators.close();
    }

    @AfterEach
    void resetProviders() {
        simulators.dopa().faults().clear();
        recorder.reset();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        connector = new RestConnector(new DefaultResourceLoader());
        CatalogLoader loader = new CatalogLoader(
                name -> RestConnectorRoutesTest.class.getResourceAsStream("/" + name.replace("classpath:", "")),
                text -> text.replace("${dopa.url}", simulators.dopa().baseUrl())
                        .replace("${standby.url}", standby.dopa().baseUrl())
                        .replace("${recorder.url}", recorder.baseUrl()),
                List.of(connector, OTHER));
        Catalog catalog = loader.load("connectors-test-catalog", CATALOG);
        return new RestConnectorRoutes(catalog, connector, new org.saphan.connectors.resilience.ProviderBreakers());
    }

    // --- routes ---------------------------------------------------------------------------------

    @Test
    void buildsOneProviderRoutePerRestServiceNamedAfterTheService() {
        assertThat(context.getRoute("provider-DOPA-citizen-profile-v1")).isNotNull();
        assertThat(context.getRoute(ProviderEndpoints.routeId(PROFILE))).isNotNull();
        assertThat(context.getRoute(ProviderEndpoints.routeId(STANDBY))).isNotNull();
        assertThat(context.getRoute(ProviderEndpoints.routeId(RECORDED))).isNotNull();
        assertThat(context.getRoute(ProviderEndpoints.routeId(OTHER_KIND))).isNull();
        assertThat(context.getRoutes()).hasSize(3);
        assertThat(context.getRoute("provider-DOPA-citizen-profile-v1").getEndpoint().getEndpointUri())
                .isEqualTo("direct://provider-DOPA-citizen-profile-v1");
        assertThat(connector.spec(OTHER_KIND.toString())).isEmpty();
        assertThat(connector.spec(PROFILE.toString())).isPresent();
    }

    // --- answers ---------------------------------------------------------------------------------

    @Test
    void mapsAFoundPersonToTheStandardDataSet() throws IOException {
        JsonNode answer = call(PROFILE, ADULT_MAN);

        assertThat(answer).isEqualTo(JSON.readTree(RecordingProvider.sample("standard/found-adult-man.json")));
        assertThat(answer).isEqualTo(expectedFor(simulators.population().find(ADULT_MAN).orElseThrow()));
    }

    static Stream<String> people() {
        SyntheticPopulation population = SyntheticPopulation.standard();
        return Stream.concat(population.demoCitizens().stream(), population.all().stream().skip(1_000).limit(5))
                .map(Person::citizenId);
    }

    @ParameterizedTest
    @MethodSource("people")
    void everyPersonMatchesThePopulationRecord(String citizenId) {
        Person person = simulators.population().find(citizenId).orElseThrow();

        assertThat(call(PROFILE, citizenId)).isEqualTo(expectedFor(person));
    }

    @Test
    void aPersonTheProviderDoesNotKnowIsSubjectNotFound() {
        assertThat(refusalOf(() -> call(PROFILE, UNKNOWN)).code()).isEqualTo(ProblemCode.SUBJECT_NOT_FOUND);
    }

    @Test
    void anIdTheProviderRefusesIsAProviderError() {
        // the exchange route checks the ID before calling; should one slip through, DOPA's 400 is the provider's error
        assertThat(refusalOf(() -> call(PROFILE, "1234567890123")).code()).isEqualTo(ProblemCode.PROVIDER_ERROR);
        assertThat(refusalOf(() -> callWith(PROFILE, JSON.createObjectNode(), Map.of())).code())
                .isEqualTo(ProblemCode.PROVIDER_ERROR);
    }

    // --- provider faults ------------------------------------------------------------------------

    @Test
    void aFailingProviderIsAProviderError() {
        simulators.dopa().faults().set(FaultMode.FAIL);

        ExchangeRefusal refusal = refusalOf(() -> call(PROFILE, ADULT_MAN));

        assertThat(refusal.code()).isEqualTo(ProblemCode.PROVIDER_ERROR);
        assertThat(refusal.detail()).doesNotContain(ADULT_MAN, "ระบบขัดข้อง", "99");
    }

    @Test
    void aProviderThatDropsTheConnectionIsUnavailable() {
        simulators.dopa().faults().set(FaultMode.DROP);
        simulators.dopa().resetRequestCount();

        long started = System.nanoTime();
        ExchangeRefusal refusal = refusalOf(() -> call(PROFILE, ADULT_MAN));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(refusal.code()).isEqualTo(ProblemCode.PROVIDER_UNAVAILABLE);
        assertThat(tookMs).isLessThan(1_000);
        // a dropped connection may be retried once, at once (a stale pooled connection looks the same), never more
        assertThat(simulators.dopa().requestCount()).isBetween(1L, 2L);
    }

    @Test
    void aProviderSlowerThanTheServiceTimeoutIsATimeoutAndTheCallDoesNotWaitForIt() {
        simulators.dopa().faults().set(FaultMode.SLOW, SLOW_DELAY_MS);

        long started = System.nanoTime();
        ExchangeRefusal refusal = refusalOf(() -> call(PROFILE, ADULT_MAN));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(refusal.code()).isEqualTo(ProblemCode.PROVIDER_TIMEOUT);
        assertThat(tookMs).isGreaterThanOrEqualTo(TIMEOUT_MS - 50).isLessThan(SLOW_DELAY_MS / 2 + 200);
    }

    @Test
    void aProviderSlowerButWithinTheTimeoutStillAnswers() {
        simulators.dopa().faults().set(FaultMode.SLOW, 50);

        assertThat(call(PROFILE, ADULT_MAN).get("citizenId").asText()).isEqualTo(ADULT_MAN);
    }

    @Test
    void aStoppedProviderIsUnavailable() {
        // a first call leaves a pooled connection to the standby behind: the stop must not turn into another code
        assertThat(call(STANDBY, ADULT_MAN).get("citizenId").asText()).isEqualTo(ADULT_MAN);
        standby.close();

        long started = System.nanoTime();
        assertThat(refusalOf(() -> call(STANDBY, ADULT_MAN)).code()).isEqualTo(ProblemCode.PROVIDER_UNAVAILABLE);
        assertThat(refusalOf(() -> call(STANDBY, ADULT_MAN)).code()).isEqualTo(ProblemCode.PROVIDER_UNAVAILABLE);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void theFaultsOfOneProviderDoNotReachAnother() {
        simulators.dopa().faults().set(FaultMode.FAIL);

        assertThat(call(RECORDED, ADULT_MAN).get("citizenId").asText()).isEqualTo(ADULT_MAN);
    }

    // --- what the provider receives ---------------------------------------------------------------

    @Test
    void theProviderNeverSeesTheConsumersCredentialsOrOfficer() throws IOException {
        Map<String, Object> inbound = new HashMap<>();
        inbound.put("Authorization", "Bearer consumer-access-token");
        inbound.put("X-Officer-Id", "3301500012345");
        inbound.put("Cookie", "SESSION=consumer-session");
        inbound.put("X-Purpose", "welfare-eligibility");

        JsonNode answer = callWith(RECORDED, request(ADULT_MAN), inbound);

        assertThat(answer).isEqualTo(JSON.readTree(RecordingProvider.sample("standard/found-adult-man.json")));
        assertThat(recorder.seen()).singleElement().satisfies(seen -> {
            assertThat(seen.method()).isEqualTo("GET");
            assertThat(seen.path()).isEqualTo("/dopa/linkage/citizen-profile");
            assertThat(seen.rawQuery()).isEqualTo("PID=" + ADULT_MAN);
            assertThat(seen.headers()).doesNotContainKeys("authorization", "x-officer-id", "cookie", "x-purpose");
            assertThat(seen.headers().toString())
                    .doesNotContain("consumer-access-token", "3301500012345", "consumer-session", "welfare-eligibility");
            assertThat(seen.headers()).containsEntry("accept", List.of("application/json"));
        });
    }

    @Test
    void inboundCamelHeadersCannotRedirectTheProviderCall() {
        Map<String, Object> inbound = new HashMap<>();
        inbound.put(Exchange.HTTP_URI, simulators.dopa().baseUrl() + "/elsewhere");
        inbound.put(Exchange.HTTP_PATH, "/elsewhere");
        inbound.put(Exchange.HTTP_QUERY, "PID=3301500012345");
        inbound.put(Exchange.HTTP_METHOD, "DELETE");

        JsonNode answer = callWith(RECORDED, request(ADULT_MAN), inbound);

        assertThat(answer.get("citizenId").asText()).isEqualTo(ADULT_MAN);
        assertThat(recorder.seen()).singleElement().satisfies(seen -> {
            assertThat(seen.method()).isEqualTo("GET");
            assertThat(seen.path()).isEqualTo("/dopa/linkage/citizen-profile");
            assertThat(seen.rawQuery()).isEqualTo("PID=" + ADULT_MAN);
        });
    }

    @Test
    void requestValuesAreEncodedSoTheyCannotAddNativeParameters() {
        recorder.answer(400, "application/json; charset=utf-8", RecordingProvider.sample("invalid-pid-400.json"));

        ExchangeRefusal refusal = refusalOf(() -> call(RECORDED, ADULT_MAN + "&PID=3301500012345"));

        assertThat(refusal.code()).isEqualTo(ProblemCode.PROVIDER_ERROR);
        assertThat(recorder.seen()).singleElement().extracting(RecordingProvider.Seen::rawQuery)
                .isEqualTo("PID=" + ADULT_MAN + "%26PID%3D3301500012345");
    }

    // --- native answers of every shape --------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "200 | application/json | not-found-404.json     | SUBJECT_NOT_FOUND",
            "404 | application/json | not-found-404.json     | SUBJECT_NOT_FOUND",
            "404 | text/html        | -                      | PROVIDER_ERROR",
            "500 | application/json | system-error-500.json  | PROVIDER_ERROR",
            "200 | application/json | system-error-500.json  | PROVIDER_ERROR",
            "400 | application/json | invalid-pid-400.json   | PROVIDER_ERROR",
            "503 | text/html        | -                      | PROVIDER_UNAVAILABLE",
            "504 | text/html        | -                      | PROVIDER_TIMEOUT",
            "502 | text/html        | -                      | PROVIDER_ERROR",
            "200 | text/html        | -                      | PROVIDER_ERROR",
            "500 | application/json | found-adult-man.json   | PROVIDER_ERROR",
            "302 | application/json | found-adult-man.json   | PROVIDER_ERROR"})
    void classifiesEveryNativeAnswer(int status, String contentType, String sample, ProblemCode expected) {
        recorder.answer(status, contentType, "-".equals(sample) ? "<html><body>Gateway</body></html>" : RecordingProvider.sample(sample));

        assertThat(refusalOf(() -> call(RECORDED, ADULT_MAN)).code()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"503, PROVIDER_UNAVAILABLE", "429, PROVIDER_ERROR"})
    void aProviderAskingToBeCalledLaterIsAskedOnceAndTheServiceTimeoutStillBoundsTheCall(int status, ProblemCode expected) {
        // the HTTP client would otherwise retry on 503 and 429 after waiting as long as Retry-After asks (here 3 s,
        // longer than the service's 2 s timeout): a struggling provider could hold the hub's threads at will
        recorder.answer(status, "application/json", RecordingProvider.sample("system-error-500.json"),
                Map.of("Retry-After", "3"));

        long started = System.nanoTime();
        ExchangeRefusal refusal = refusalOf(() -> call(RECORDED, ADULT_MAN));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(refusal.code()).isEqualTo(expected);
        assertThat(recorder.seen()).hasSize(1);
        assertThat(tookMs).isLessThan(1_000);
    }

    @Test
    void anEmptyAnswerIsAProviderError() {
        recorder.answer(200, "application/json", "");

        assertThat(refusalOf(() -> call(RECORDED, ADULT_MAN)).code()).isEqualTo(ProblemCode.PROVIDER_ERROR);
    }

    @Test
    void anAnswerThatDoesNotFitTheStandardIsAProviderErrorThatRepeatsNoValue() {
        recorder.answer(200, "application/json", RecordingProvider.sample("found-adult-man.json")
                .replace("\"SEX\":\"1\"", "\"SEX\":\"SEX-CODE-7Q\""));

        ExchangeRefusal refusal = refusalOf(() -> call(RECORDED, ADULT_MAN));

        assertThat(refusal.code()).isEqualTo(ProblemCode.PROVIDER_ERROR);
        assertThat(refusal.detail()).doesNotContain("SEX-CODE-7Q", ADULT_MAN, "สมชาย");
    }

    // --- helpers ------------------------------------------------------------------------------------

    private JsonNode call(ServiceId service, String citizenId) {
        return callWith(service, request(citizenId), Map.of());
    }

    private JsonNode callWith(ServiceId service, JsonNode request, Map<String, Object> headers) {
        return template.requestBodyAndHeaders(ProviderEndpoints.of(service), request, headers, JsonNode.class);
    }

    private static JsonNode request(String citizenId) {
        return JSON.createObjectNode().put("citizenId", citizenId);
    }

    /** The refusal somewhere in the exception chain of {@code call}, which must fail. */
    private static ExchangeRefusal refusalOf(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ExchangeRefusal refusal) {
                    return refusal;
                }
            }
            throw new AssertionError("no ExchangeRefusal in the exception chain", e);
        }
        return fail("the call succeeded; expected a refusal");
    }

    /**
     * The standard data set for a person, built from the population record (not by the mapping code). English
     * names are upper case in the register and capitalised in the standard, so they are compared separately.
     */
    private static ObjectNode expectedFor(Person person) {
        ObjectNode out = JSON.createObjectNode()
                .put("citizenId", person.citizenId())
                .put("titleTh", person.titleTh())
                .put("firstNameTh", person.firstNameTh())
                .put("lastNameTh", person.lastNameTh())
                .put("firstNameEn", capitalised(person.firstNameEn()))
                .put("lastNameEn", capitalised(person.lastNameEn()))
                .put("birthDate", person.birthDate().toString())
                .put("gender", person.gender().name().toLowerCase(Locale.ROOT))
                .put("nationality", "TH")
                .put("lifeStatus", person.lifeStatus().name().toLowerCase(Locale.ROOT));
        Address a = person.address();
        ObjectNode address = out.putObject("address");
        putUnlessEmpty(address, "houseNo", a.houseNo());
        putUnlessEmpty(address, "moo", a.moo());
        putUnlessEmpty(address, "soi", a.soi());
        putUnlessEmpty(address, "road", a.road());
        putUnlessEmpty(address, "subdistrict", a.subdistrict());
        putUnlessEmpty(address, "district", a.district());
        putUnlessEmpty(address, "province", a.province());
        putUnlessEmpty(address, "postalCode", a.postalCode());
        return out;
    }

    private static void putUnlessEmpty(ObjectNode node, String field, String value) {
        if (!value.isEmpty()) {
            node.put(field, value);
        }
    }

    /** One-word names only (SOMCHAI to Somchai); fails loudly on anything else so the expectation stays honest. */
    private static String capitalised(String upperCaseName) {
        if (!upperCaseName.matches("[A-Z]+")) {
            throw new UncheckedIOException(new IOException("not a one-word upper-case name; extend the test"));
        }
        return upperCaseName.charAt(0) + upperCaseName.substring(1).toLowerCase(Locale.ROOT);
    }
}

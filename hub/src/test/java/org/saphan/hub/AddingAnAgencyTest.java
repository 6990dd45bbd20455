package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.saphan.connectors.mapping.AnswerMapping;
import org.saphan.exchange.catalog.CatalogException;
import org.saphan.exchange.catalog.CatalogSource;
import org.saphan.exchange.provider.ConnectorKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's "Adding an agency" steps, followed for an invented NHSO health-coverage API and proven through
 * the hub itself: a hub started on the demo catalog plus the new entries, a consumer's bearer token, the REST
 * face and the exchange route (agreement, legal basis, minimisation, signature) and the access log.
 *
 * <p>How the steps map to this test. A test cannot add an invented agency to the product's own files, so each
 * file sits where the test's class path gives it the path the README names:
 * <ol>
 *   <li>Schemas: {@code hub/src/test/resources/saphan/schemas/NHSO/health-coverage/v1/}, the class path location
 *       {@code schemas/src/main/resources/saphan/schemas/NHSO/...} would have; the catalog names them as the
 *       README does.</li>
 *   <li>Mapping: {@code hub/src/test/resources/mappings/NHSO/health-coverage/v1.yaml}, the class path location
 *       of {@code connectors/src/main/resources/mappings/...}. The native answers are under
 *       {@code hub/src/test/resources/samples/NHSO/} rather than connectors', because the tiny NHSO provider
 *       serves them to this hub; they are written in the shape of the invented API, not recorded from a
 *       simulator. {@link #stepTwoTheMappingTurnsTheSavedAnswersIntoTheDataSet} tests the mapping on them.</li>
 *   <li>Catalog entry: the demo {@code catalog.yaml} with the agency and the service inserted as text, written
 *       to a file the hub loads through {@code saphan.catalog.location}. The address placeholder
 *       {@code saphan.providers.nhso.base-url} is a test property instead of a line in {@code application.yml},
 *       because the tiny provider's port is only known at run time.</li>
 *   <li>Agreement: inserted under {@code agreements} in the same file.</li>
 * </ol>
 * "Start the hub" is this class's own Spring context (a second node on the test database, closed after the
 * class). That the start-up check lists a missed step is shown with the hub's own {@link CatalogSource} and
 * connector kinds on copies of the catalog that each miss one step.
 */
@DirtiesContext
class AddingAnAgencyTest extends HubTestSupport {

    static final String COVERAGE = "NHSO/health-coverage/v1";

    /** Step 3: the agency, under {@code agencies}. */
    static final String AGENCY = """
              - {code: NHSO, nameTh: สำนักงานหลักประกันสุขภาพแห่งชาติ, nameEn: National Health Security Office}
            """;

    /** Step 3: the service, under {@code services}. */
    static final String SERVICE = """
              - id: NHSO/health-coverage/v1
                titleTh: สิทธิหลักประกันสุขภาพ
                titleEn: Health coverage
                description: The health coverage scheme a citizen is entitled to, since when, and their main hospital.
                purposes: [welfare-eligibility]
                requestSchema: classpath:saphan/schemas/NHSO/health-coverage/v1/request.schema.json
                responseSchema: classpath:saphan/schemas/NHSO/health-coverage/v1/response.schema.json
                subjectField: citizenId
                fields:
                  citizenId: personal
                  scheme: sensitive       # health data (PDPA s.26)
                  since: sensitive
                  hospital: sensitive
                connector:
                  kind: rest
                  timeout: 2s
                  settings:
                    baseUrl: ${saphan.providers.nhso.base-url}
                    method: GET
                    path: /nhso/rights
                    query: {pid: citizenId}
                    mapping: classpath:mappings/NHSO/health-coverage/v1.yaml
                metadata:
                  owner: NHSO
                  dataCategory: personal
                  updateFrequency: daily
                  maintainer: NHSO Information Technology Office
            """;

    /** Step 4: the agreement, under {@code agreements}: health data only under s.26(5), and only the scheme. */
    static final String AGREEMENT = """
              - id: AGR-2026-MSDHS-NHSO-01
                consumer: MSDHS/welfare-portal
                service: NHSO/health-coverage/v1
                purposes: [welfare-eligibility]
                legalBases: [pdpa-26-5]
                legalReference: Social Welfare Promotion Act B.E. 2546
                releasedFields: [citizenId, scheme]
                validFrom: 2026-01-01
                validUntil: 2028-12-31
                quota: {perMinute: 600, perDay: 50000}
                retention: 5 years after the welfare case closes
            """;

    static final HttpServer NHSO = tinyProvider();
    static final Path CATALOG = writeCatalog(withNhso(demoCatalog()));

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ResourceLoader resources;
    @Autowired
    Environment environment;
    @Autowired
    List<ConnectorKind> connectorKinds;

    @DynamicPropertySource
    static void hubWithNhso(DynamicPropertyRegistry registry) {
        registry.add("saphan.node-id", () -> "node-nhso");
        registry.add("saphan.catalog.location", () -> CATALOG.toUri().toString());
        registry.add("saphan.providers.nhso.base-url", () -> "http://127.0.0.1:" + NHSO.getAddress().getPort());
    }

    @AfterAll
    static void stopProvider() {
        NHSO.stop(0);
    }

    private Map<String, String> headers(String legalBasis) {
        Map<String, String> headers = exchangeHeaders(bearer(PORTAL, PORTAL_SECRET));
        headers.put("X-Legal-Basis", legalBasis);
        return headers;
    }

    private Map<String, Object> auditRow(HttpResponse<String> response) {
        String exchangeId = response.headers().firstValue("X-Exchange-Id").orElseThrow();
        return jdbc.queryForMap("SELECT * FROM audit_record WHERE exchange_id = ?", exchangeId);
    }

    @Test
    void theNewServiceAnswersOnlyTheReleasedFieldsUnderTheAgreedBasisAndIsAudited() {
        HttpResponse<String> response = exchange(COVERAGE, "{\"citizenId\":\"" + CITIZEN + "\"}", headers("pdpa-26-5"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Exchange-Signature")).isPresent();
        JsonNode envelope = read(response.body());
        assertThat(envelope.path("service").asText()).isEqualTo(COVERAGE);
        // the provider also sent the start date and the hospital; the agreement releases only these two
        assertThat(envelope.path("data")).isEqualTo(read(
                "{\"citizenId\":\"" + CITIZEN + "\",\"scheme\":\"universal-coverage\"}"));

        Map<String, Object> row = auditRow(response);
        assertThat(row.get("service")).isEqualTo(COVERAGE);
        assertThat(row.get("consumer")).isEqualTo(PORTAL);
        assertThat(row.get("decision")).isEqualTo("permit");
        assertThat(row.get("legal_basis")).isEqualTo("pdpa-26-5");
        assertThat(row.get("legal_reference")).isEqualTo("Social Welfare Promotion Act B.E. 2546");
        assertThat(row.get("fields_released")).isEqualTo("citizenId,scheme");
        assertThat(row.get("hub_node")).isEqualTo("node-nhso");
        assertThat(String.valueOf(row.get("subject_ref"))).doesNotContain(CITIZEN);
    }

    @Test
    void theAgreementsLegalBasisIsEnforcedAndARefusalIsAudited() {
        // s.24(4) is a basis the agreement does not list (and could not release health data anyway)
        HttpResponse<String> refused = exchange(COVERAGE, "{\"citizenId\":\"" + CITIZEN + "\"}", headers("pdpa-24-4"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(read(refused.body()).path("code").asText()).isEqualTo("legal-basis-not-allowed");
        assertThat(refused.body()).doesNotContain("universal-coverage", CITIZEN);
        Map<String, Object> row = auditRow(refused);
        assertThat(row.get("decision")).isEqualTo("deny");
        assertThat(row.get("reason_code")).isEqualTo("legal-basis-not-allowed");

        // no agreement for this consumer, no access
        Map<String, String> other = exchangeHeaders(bearer("RD/tax-audit", "demo-tax-audit-secret"));
        other.put("X-Legal-Basis", "pdpa-26-5");
        HttpResponse<String> noAgreement = exchange(COVERAGE, "{\"citizenId\":\"" + CITIZEN + "\"}", other);
        assertThat(noAgreement.statusCode()).isEqualTo(403);
        assertThat(read(noAgreement.body()).path("code").asText()).isEqualTo("access-denied");
    }

    @Test
    void theProvidersNotFoundIsTheStandardsSubjectNotFound() {
        HttpResponse<String> response = exchange(COVERAGE, "{\"citizenId\":\"" + UNKNOWN_CITIZEN + "\"}", headers("pdpa-26-5"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(read(response.body()).path("code").asText()).isEqualTo("subject-not-found");
    }

    @Test
    void thePublicCatalogListsTheNewService() {
        HttpResponse<String> catalog = get("/api/v1/catalog", Map.of());
        assertThat(catalog.statusCode()).isEqualTo(200);
        assertThat(catalog.body()).contains(COVERAGE).doesNotContain("/nhso/rights");
    }

    @Test
    void stepTwoTheMappingTurnsTheSavedAnswersIntoTheDataSet() throws IOException {
        AnswerMapping mapping;
        try (InputStream in = resources.getResource("classpath:mappings/NHSO/health-coverage/v1.yaml").getInputStream()) {
            mapping = AnswerMapping.read("NHSO/health-coverage/v1.yaml", in);
        }
        JsonNode found = read(sample("found-universal-coverage.json"));
        assertThat(mapping.outcomeOf(found)).isEqualTo(AnswerMapping.Outcome.Kind.FOUND);
        assertThat(mapping.apply(found)).isEqualTo(read("""
                {"citizenId":"1103000123455","scheme":"universal-coverage","since":"2002-04-01","hospital":"โรงพยาบาลราชวิถี"}"""));
        assertThat(mapping.outcomeOf(read(sample("not-found-404.json")))).isEqualTo(AnswerMapping.Outcome.Kind.NOT_FOUND);
    }

    @Test
    void aMissedStepIsListedWhenTheHubChecksTheCatalog() {
        String complete = withNhso(demoCatalog());
        // step 3: a response field left unclassified
        assertThat(problems(complete.replace("      scheme: sensitive       # health data (PDPA s.26)\n", "")))
                .contains("response field 'scheme' has no classification");
        // step 4: an agreement releasing a field the data set does not have
        assertThat(problems(complete.replace("releasedFields: [citizenId, scheme]", "releasedFields: [citizenId, plan]")))
                .contains("released field 'plan' is not in the response schema");
        // steps 1 and 2: a schema or a mapping file that is not there, both listed at once
        assertThat(problems(complete.replace("NHSO/health-coverage/v1/response.schema.json", "NHSO/health-coverage/v1/response.json")
                .replace("mappings/NHSO/health-coverage/v1.yaml", "mappings/NHSO/health-coverage/v2.yaml")))
                .contains("responseSchema file not found", "mapping file not found");
        // step 3: the address placeholder without its setting
        assertThat(problems(complete.replace("${saphan.providers.nhso.base-url}", "${saphan.providers.nhso.url}")))
                .contains("saphan.providers.nhso.url");
    }

    /** What the hub's start-up check says about a catalog, as one text. */
    private String problems(String catalogText) {
        Path file = writeCatalog(catalogText);
        try {
            new CatalogSource(resources, environment::resolveRequiredPlaceholders, connectorKinds).load(file.toUri().toString());
            throw new AssertionError("the catalog was accepted");
        } catch (CatalogException e) {
            return e.getMessage();
        }
    }

    static String demoCatalog() {
        try (InputStream in = AddingAnAgencyTest.class.getResourceAsStream("/catalog/catalog.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Steps 3 and 4: each new entry goes at the head of its list in the demo catalog. */
    static String withNhso(String catalog) {
        return insertAfter(insertAfter(insertAfter(catalog, "agencies:", AGENCY), "services:", SERVICE), "agreements:", AGREEMENT);
    }

    private static String insertAfter(String catalog, String topLevelKey, String entry) {
        Matcher m = Pattern.compile("(?m)^" + topLevelKey + "\\n").matcher(catalog);
        assertThat(m.find()).as("the demo catalog has a top-level %s", topLevelKey).isTrue();
        return catalog.substring(0, m.end()) + entry + catalog.substring(m.end());
    }

    static Path writeCatalog(String text) {
        try {
            Path file = Files.createTempFile("saphan-catalog-nhso", ".yaml");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sample(String name) {
        try (InputStream in = AddingAnAgencyTest.class.getResourceAsStream("/samples/NHSO/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NHSO's (invented) rights-check API: the saved answer for the demo citizen, its "not found" for anyone else. */
    static HttpServer tinyProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
            server.createContext("/nhso/rights", exchange -> {
                boolean known = ("pid=" + CITIZEN).equals(exchange.getRequestURI().getQuery());
                byte[] body = sample(known ? "found-universal-coverage.json" : "not-found-404.json").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(known ? 200 : 404, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.saphan.connectors.guide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saphan.connectors.resilience.ProviderBreakers;
import org.saphan.connectors.rest.RestConnector;
import org.saphan.connectors.rest.RestConnectorRoutes;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.CatalogLoader;
import org.saphan.exchange.provider.ProviderEndpoints;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.ProblemCode;
import org.saphan.schemas.ServiceId;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Follows the README's "Adding an agency" steps for an invented NHSO health-coverage API: (1) the data set's
 * schemas, (2) the mapping file, (3) the catalog entry with field classes and connector, (4) an agreement. The
 * catalog must load, the provider route must answer the standard data set, and that answer must fit the schema.
 */
class AddingAnAgencyTest extends CamelTestSupport {

    static final ServiceId COVERAGE = ServiceId.parse("NHSO/health-coverage/v1");
    static final String CITIZEN = "1103000123455";
    static HttpServer nhso;

    /** Step 3 and 4: the catalog entry and the agreement, exactly as the README shows them. */
    static final String CATALOG = """
            purposes:
              - {code: welfare-eligibility, titleTh: ตรวจสอบสิทธิสวัสดิการของรัฐ, titleEn: Checking eligibility for state welfare}
            agencies:
              - {code: NHSO,  nameTh: สำนักงานหลักประกันสุขภาพแห่งชาติ, nameEn: National Health Security Office}
              - {code: MSDHS, nameTh: กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์, nameEn: Ministry of Social Development and Human Security}
            clients:
              - {id: MSDHS/welfare-portal, name: MSDHS welfare portal, roles: [consumer], secretHash: "$2b$10$vfHXAAsL5uwXHDIASYrM5e.4MQyfOkP/WvZIckt/aXtzI3YZX0uxK"}
            services:
              - id: NHSO/health-coverage/v1
                titleTh: สิทธิหลักประกันสุขภาพ
                titleEn: Health coverage
                purposes: [welfare-eligibility]
                requestSchema: classpath:saphan/schemas/NHSO/health-coverage/v1/request.schema.json
                responseSchema: classpath:saphan/schemas/NHSO/health-coverage/v1/response.schema.json
                subjectField: citizenId
                fields: {citizenId: personal, scheme: sensitive, since: sensitive, hospital: sensitive}
                connector:
                  kind: rest
                  timeout: 2s
                  settings:
                    baseUrl: ${nhso.base-url}
                    method: GET
                    path: /nhso/rights
                    query: {pid: citizenId}
                    mapping: classpath:mappings/NHSO/health-coverage/v1.yaml
                metadata: {owner: NHSO, dataCategory: personal, updateFrequency: daily, maintainer: NHSO IT}
            agreements:
              - id: AGR-2026-MSDHS-NHSO-01
                consumer: MSDHS/welfare-portal
                service: NHSO/health-coverage/v1
                purposes: [welfare-eligibility]
                legalBases: [pdpa-26-5]
                legalReference: Social Welfare Promotion Act B.E. 2546
                releasedFields: [citizenId, scheme]
                validFrom: 2026-01-01
                validUntil: 2028-12-31
                retention: 5 years
            """;

    Catalog catalog;

    @BeforeAll
    static void startTinyProvider() throws IOException {
        nhso = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        nhso.createContext("/nhso/rights", exchange -> {
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            String body = query.equals("pid=" + CITIZEN)
                    ? "{\"status\":\"OK\",\"right\":{\"pid\":\"" + CITIZEN + "\",\"maininscl\":\"UCS\",\"startdate\":\"25450401\",\"hmain_name\":\"โรงพยาบาลราชวิถี\"}}"
                    : "{\"status\":\"NOT_FOUND\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(query.equals("pid=" + CITIZEN) ? 200 : 404, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        nhso.start();
    }

    @AfterAll
    static void stopTinyProvider() {
        nhso.stop(0);
    }

    private static Catalog load(String text) {
        RestConnector connector = new RestConnector(new org.springframework.core.io.DefaultResourceLoader());
        return new CatalogLoader(name -> AddingAnAgencyTest.class.getResourceAsStream("/" + name.replace("classpath:", "")),
                t -> t.replace("${nhso.base-url}", "http://127.0.0.1:" + nhso.getAddress().getPort()), List.of(connector))
                .load("adding-an-agency", text);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        RestConnector connector = new RestConnector(new org.springframework.core.io.DefaultResourceLoader());
        catalog = new CatalogLoader(name -> getClass().getResourceAsStream("/" + name.replace("classpath:", "")),
                t -> t.replace("${nhso.base-url}", "http://127.0.0.1:" + nhso.getAddress().getPort()), List.of(connector))
                .load("adding-an-agency", CATALOG);
        return new RestConnectorRoutes(catalog, connector, new ProviderBreakers());
    }

    @Test
    void theCatalogLoadsWithTheNewServiceAndItsAgreement() {
        assertThat(catalog.service(COVERAGE)).isPresent();
        assertThat(catalog.agreementInForce("MSDHS/welfare-portal", COVERAGE, LocalDate.of(2027, 1, 1))).isPresent();
        assertThat(context.getRoute(ProviderEndpoints.routeId(COVERAGE))).isNotNull();
    }

    @Test
    void theProviderRouteAnswersTheStandardDataSetWhichFitsTheSchema() throws Exception {
        Exchange ex = template.send(ProviderEndpoints.of(COVERAGE),
                e -> e.getMessage().setBody(new ObjectMapper().createObjectNode().put("citizenId", CITIZEN)));
        assertThat(ex.getException()).isNull();
        JsonNode data = ex.getMessage().getBody(JsonNode.class);
        assertThat(data).isEqualTo(new ObjectMapper().readTree("""
                {"citizenId":"1103000123455","scheme":"universal-coverage","since":"2002-04-01","hospital":"โรงพยาบาลราชวิถี"}"""));
        assertThat(catalog.service(COVERAGE).orElseThrow().responseSchema().violations(data)).isEmpty();

        Exchange unknown = template.send(ProviderEndpoints.of(COVERAGE),
                e -> e.getMessage().setBody(new ObjectMapper().createObjectNode().put("citizenId", "1999900000005")));
        assertThat(((ExchangeRefusal) unknown.getException()).code()).isEqualTo(ProblemCode.SUBJECT_NOT_FOUND);
    }

    @Test
    void aMissedStepIsReportedWhenTheCatalogLoads() {
        // forgetting to classify a response field
        assertThatThrownBy(() -> load(CATALOG.replace("scheme: sensitive, since", "since")))
                .hasMessageContaining("response field 'scheme' has no classification");
        // an agreement releasing a field the data set does not have
        assertThatThrownBy(() -> load(CATALOG.replace("[citizenId, scheme]", "[citizenId, plan]")))
                .hasMessageContaining("plan");
        // a mapping file that is not there
        assertThatThrownBy(() -> load(CATALOG.replace("mappings/NHSO/health-coverage/v1.yaml", "mappings/NHSO/health-coverage/v2.yaml")))
                .hasMessageContaining("mapping file not found");
    }
}

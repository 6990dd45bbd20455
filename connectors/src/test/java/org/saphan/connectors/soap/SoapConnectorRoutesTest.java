package org.saphan.connectors.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saphan.connectors.resilience.ProviderBreakers;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.CatalogLoader;
import org.saphan.exchange.provider.ProviderEndpoints;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.ProblemCode;
import org.saphan.schemas.ServiceId;
import org.saphan.simulators.AgencySimulators;
import org.saphan.simulators.http.FaultMode;
import org.springframework.core.io.DefaultResourceLoader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SOAP connector's routes against the real SOAP simulators (CXF on both sides, code generated from one WSDL). */
class SoapConnectorRoutesTest extends CamelTestSupport {

    static final ServiceId HOUSE = ServiceId.parse("DOPA/house-registration/v1");
    static final ServiceId WELFARE = ServiceId.parse("CGD/welfare-payments/v1");
    static final String ADULT_MAN = "1103000123455";
    static final String ELDERLY = "3301500012345";

    static AgencySimulators simulators;

    @BeforeAll
    static void start() {
        simulators = AgencySimulators.startAll(AgencySimulators.Ports.ANY);
    }

    @AfterAll
    static void stop() {
        simulators.close();
    }

    @AfterEach
    void clear() {
        simulators.dopaHouse().faults().clear();
        simulators.cgd().faults().clear();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String catalogText = """
                purposes:
                  - {code: welfare-eligibility, titleTh: ตรวจสอบสิทธิ, titleEn: Welfare eligibility}
                agencies:
                  - {code: DOPA, nameTh: กรมการปกครอง, nameEn: DOPA}
                  - {code: CGD, nameTh: กรมบัญชีกลาง, nameEn: CGD}
                services:
                  - id: DOPA/house-registration/v1
                    titleTh: ทะเบียนบ้าน
                    titleEn: House registration
                    purposes: [welfare-eligibility]
                    requestSchema: classpath:saphan/schemas/DOPA/house-registration/v1/request.schema.json
                    responseSchema: classpath:saphan/schemas/DOPA/house-registration/v1/response.schema.json
                    subjectField: citizenId
                    fields: {citizenId: personal, houseRegistrationNo: personal, householdRole: personal,
                             memberCount: personal, movedInOn: personal, address: personal}
                    metadata: {owner: DOPA, dataCategory: personal, updateFrequency: real-time, maintainer: DOPA}
                    connector:
                      kind: soap
                      timeout: 1s
                      settings:
                        address: %s
                        operation: DOPA/house-registration
                        request: {PID: citizenId}
                        mapping: classpath:mappings/DOPA/house-registration/v1.yaml
                        retries: 1
                        retryBackoff: 10ms
                  - id: CGD/welfare-payments/v1
                    titleTh: การจ่ายเงินสวัสดิการ
                    titleEn: Welfare payments
                    purposes: [welfare-eligibility]
                    requestSchema: classpath:saphan/schemas/CGD/welfare-payments/v1/request.schema.json
                    responseSchema: classpath:saphan/schemas/CGD/welfare-payments/v1/response.schema.json
                    subjectField: citizenId
                    fields: {citizenId: personal, elderlyAllowanceThb: personal, disabilityAllowanceThb: sensitive,
                             childSupportThb: personal, paymentStatus: personal, lastPaymentDate: personal}
                    metadata: {owner: CGD, dataCategory: personal, updateFrequency: monthly, maintainer: CGD}
                    connector:
                      kind: soap
                      timeout: 2s
                      settings:
                        address: %s
                        operation: CGD/welfare-payments
                        request: {CitizenID: citizenId}
                        mapping: classpath:mappings/CGD/welfare-payments/v1.yaml
                """.formatted(simulators.dopaHouse().serviceUrl(), simulators.cgd().serviceUrl());
        SoapConnector connector = new SoapConnector(new DefaultResourceLoader());
        Catalog catalog = new CatalogLoader(
                name -> getClass().getResourceAsStream("/" + name.replace("classpath:", "")),
                text -> text, List.of(connector)).load("soap-test-catalog", catalogText);
        return new SoapConnectorRoutes(catalog, connector, new ProviderBreakers());
    }

    private Exchange call(ServiceId service, String citizenId) {
        return template.send(ProviderEndpoints.of(service),
                e -> e.getMessage().setBody(new ObjectMapper().createObjectNode().put("citizenId", citizenId)));
    }

    private ProblemCode refusal(ServiceId service, String citizenId) {
        Exception e = call(service, citizenId).getException();
        assertThat(e).isInstanceOf(ExchangeRefusal.class);
        assertThat(e.getMessage()).doesNotContain(citizenId);
        return ((ExchangeRefusal) e).code();
    }

    @Test
    void oneRoutePerSoapServiceNamedAfterTheService() {
        assertThat(context.getRoute("provider-DOPA-house-registration-v1")).isNotNull();
        assertThat(context.getRoute("provider-CGD-welfare-payments-v1")).isNotNull();
    }

    @Test
    void mapsTheSoapAnswerToTheStandardDataSet() {
        Exchange ex = call(HOUSE, ADULT_MAN);
        assertThat(ex.getException()).isNull();
        JsonNode house = ex.getMessage().getBody(JsonNode.class);
        assertThat(house.get("citizenId").asText()).isEqualTo(ADULT_MAN);
        assertThat(house.get("houseRegistrationNo").asText())
                .isEqualTo(simulators.population().find(ADULT_MAN).orElseThrow().houseRegistrationNo());
        assertThat(house.get("householdRole").asText()).isEqualTo("owner");
        assertThat(house.get("movedInOn").asText()).matches("[0-9]{4}-[0-9]{2}-[0-9]{2}");
        assertThat(ex.getMessage().getHeaders()).isEmpty();

        JsonNode payments = call(WELFARE, ELDERLY).getMessage().getBody(JsonNode.class);
        assertThat(payments.get("elderlyAllowanceThb").asInt()).isEqualTo(700);
    }

    @Test
    void aNotFoundFaultIsSubjectNotFound() {
        assertThat(refusal(HOUSE, simulators.population().unknownButValidCitizenId())).isEqualTo(ProblemCode.SUBJECT_NOT_FOUND);
        assertThat(refusal(WELFARE, simulators.population().unknownButValidCitizenId())).isEqualTo(ProblemCode.SUBJECT_NOT_FOUND);
    }

    @Test
    void anotherFaultIsAProviderError() {
        assertThat(refusal(HOUSE, "1103000123456")).isEqualTo(ProblemCode.PROVIDER_ERROR); // a declared fault, code 01
        simulators.cgd().faults().set(FaultMode.FAIL); // soap:Server, undeclared
        assertThat(refusal(WELFARE, ELDERLY)).isEqualTo(ProblemCode.PROVIDER_ERROR);
    }

    @Test
    void aDroppedConnectionIsRetriedThenUnavailable() {
        simulators.dopaHouse().faults().set(FaultMode.DROP);
        simulators.dopaHouse().resetRequestCount();
        assertThat(refusal(HOUSE, ADULT_MAN)).isEqualTo(ProblemCode.PROVIDER_UNAVAILABLE);
        assertThat(simulators.dopaHouse().requestCount()).isEqualTo(2); // the call and one retry
    }

    @Test
    void aSlowProviderIsATimeoutAndNotRetried() {
        simulators.dopaHouse().faults().set(FaultMode.SLOW, 3_000);
        simulators.dopaHouse().resetRequestCount();
        long started = System.nanoTime();
        assertThat(refusal(HOUSE, ADULT_MAN)).isEqualTo(ProblemCode.PROVIDER_TIMEOUT);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_500);
        assertThat(simulators.dopaHouse().requestCount()).isEqualTo(1);
    }

    @Test
    void checksItsSettings() {
        SoapConnector connector = new SoapConnector(new DefaultResourceLoader());
        Map<String, Object> settings = new HashMap<>();
        settings.put("address", "ftp://x");
        settings.put("operation", "DOPA/no-such");
        settings.put("request", "PID");
        settings.put("retries", "9");
        List<String> problems = new ArrayList<>();
        connector.check("X/y/v1", settings, problems);
        assertThat(problems).containsExactly(
                "address must be an http or https URL",
                "operation 'DOPA/no-such' is unknown (one of [DOPA/house-registration, CGD/welfare-payments])",
                "request must map native request fields to request fields",
                "retries must be between 0 and 5",
                "mapping (the answer mapping file) is missing");

        settings = new HashMap<>(Map.of("address", "http://127.0.0.1:1/x", "operation", "CGD/welfare-payments",
                "request", Map.of("PID", "citizenId"), "mapping", "classpath:mappings/CGD/welfare-payments/v1.yaml",
                "idempotent", false, "retries", 1));
        problems = new ArrayList<>();
        connector.check("X/y/v1", settings, problems);
        assertThat(problems).containsExactly("request does not fill the operation's field CitizenID",
                "retries are only allowed for idempotent reads (set idempotent: true if the call only reads)");
    }
}

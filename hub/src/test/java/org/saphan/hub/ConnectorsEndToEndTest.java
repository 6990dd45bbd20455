package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.saphan.connectors.resilience.ProviderBreakers;
import org.saphan.simulators.http.FaultMode;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new providers through the whole hub over real HTTP: DOPA house registration and CGD welfare payments over
 * SOAP, DBD juristic persons and RD VAT over REST, with the agreements' minimisation. The bulkhead keeping a slow
 * DOPA from slowing DBD has its own hub with few request threads: {@link SlowProviderIsolationTest}.
 */
class ConnectorsEndToEndTest extends HubTestSupport {

    static final String HOUSE = "DOPA/house-registration/v1";
    static final String WELFARE = "CGD/welfare-payments/v1";
    static final String COMPANY = "DBD/juristic-person/v1";
    static final String VAT = "RD/vat-registration/v1";
    static final String DEMO_COMPANY = "0105600000013";
    static final String ELDERLY = "3301500012345";

    @Autowired
    ProviderBreakers breakers;

    @AfterEach
    void clearFaults() {
        SIMULATORS.dopa().faults().clear();
        SIMULATORS.dopaHouse().faults().clear();
        SIMULATORS.cgd().faults().clear();
        breakers.of("DOPA").reset();
        breakers.of("CGD").reset();
    }

    private HttpResponse<String> ask(String service, String body) {
        return exchange(service, body, exchangeHeaders(bearer(PORTAL, PORTAL_SECRET)));
    }

    @Test
    void dopaHouseRegistrationOverSoapReleasesOnlyTheAgreedFields() {
        HttpResponse<String> response = ask(HOUSE, "{\"citizenId\":\"" + CITIZEN + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode data = read(response.body()).get("data");
        assertThat(data.get("householdRole").asText()).isEqualTo("owner");
        assertThat(data.get("houseRegistrationNo").asText())
                .isEqualTo(SIMULATORS.population().find(CITIZEN).orElseThrow().houseRegistrationNo());
        assertThat(data.get("memberCount").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(data.get("movedInOn").asText()).matches("(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}");
        assertThat(data.get("address").get("province").asText()).isEqualTo("กรุงเทพมหานคร");
        assertThat(data.get("address").has("houseNo")).isFalse();
        assertThat(response.headers().firstValue("X-Exchange-Signature")).isPresent();
    }

    @Test
    void soapFaultsBecomeTheStandardsCodes() {
        HttpResponse<String> unknown = ask(HOUSE, "{\"citizenId\":\"" + UNKNOWN_CITIZEN + "\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(read(unknown.body()).get("code").asText()).isEqualTo("subject-not-found");

        SIMULATORS.cgd().faults().set(FaultMode.FAIL);
        HttpResponse<String> failed = ask(WELFARE, "{\"citizenId\":\"" + ELDERLY + "\"}");
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(read(failed.body()).get("code").asText()).isEqualTo("provider-error");
        assertThat(failed.body()).doesNotContain(ELDERLY);

        SIMULATORS.cgd().faults().set(FaultMode.DROP);
        assertThat(read(ask(WELFARE, "{\"citizenId\":\"" + ELDERLY + "\"}").body()).get("code").asText())
                .isEqualTo("provider-unavailable");
    }

    @Test
    void cgdWelfarePaymentsWithoutTheSensitiveDisabilityAllowance() {
        HttpResponse<String> response = ask(WELFARE, "{\"citizenId\":\"" + ELDERLY + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode data = read(response.body()).get("data");
        assertThat(data.get("elderlyAllowanceThb").asInt()).isEqualTo(700);
        assertThat(data.get("paymentStatus").asText()).isEqualTo("active");
        assertThat(data.has("disabilityAllowanceThb")).isFalse();
    }

    @Test
    void dbdAndRdByJuristicId() {
        HttpResponse<String> company = ask(COMPANY, "{\"juristicId\":\"" + DEMO_COMPANY + "\"}");
        assertThat(company.statusCode()).as(company.body()).isEqualTo(200);
        JsonNode data = read(company.body()).get("data");
        assertThat(data.get("nameTh").asText()).isEqualTo("บริษัท ใจดี เทรดดิ้ง จำกัด");
        assertThat(data.get("registrationDate").asText()).isEqualTo("2017-05-15");
        assertThat(data.get("registeredCapitalThb").asLong()).isEqualTo(5_000_000L);
        assertThat(company.body()).doesNotContain(CITIZEN); // the director is a person: never in this data set

        HttpResponse<String> vat = ask(VAT, "{\"taxId\":\"" + DEMO_COMPANY + "\"}");
        assertThat(vat.statusCode()).as(vat.body()).isEqualTo(200);
        assertThat(read(vat.body()).get("data").get("vatStatus").asText()).isEqualTo("registered");

        HttpResponse<String> badCheckDigit = ask(COMPANY, "{\"juristicId\":\"0105600000014\"}");
        assertThat(badCheckDigit.statusCode()).isEqualTo(400);
    }
}

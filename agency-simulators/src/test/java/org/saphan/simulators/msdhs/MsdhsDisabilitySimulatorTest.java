package org.saphan.simulators.msdhs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saphan.simulators.Http;
import org.saphan.simulators.calendar.BuddhistEra;
import org.saphan.simulators.http.FaultMode;
import org.saphan.simulators.population.Person;
import org.saphan.simulators.population.SyntheticPopulation;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class MsdhsDisabilitySimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SyntheticPopulation POPULATION = SyntheticPopulation.standard();
    private static final String CARD_HOLDER = "1901100567895";
    private static MsdhsDisabilitySimulator msdhs;

    @BeforeAll
    static void start() {
        msdhs = new MsdhsDisabilitySimulator(POPULATION, 0).start();
    }

    @AfterAll
    static void stop() {
        msdhs.stop();
    }

    @Test
    void aCardHolderIsAnsweredInTheLegacyShapeAndAgreesWithThePopulation() throws Exception {
        HttpResponse<String> response = Http.get(msdhs.disabilityCardUrl() + "?PERSON_ID=" + CARD_HOLDER);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("STATUS").asText()).isEqualTo("0000");
        JsonNode record = body.path("RECORD");
        Person person = POPULATION.find(CARD_HOLDER).orElseThrow();
        var disability = person.disability().orElseThrow();
        assertThat(record.path("PERSON_ID").asText()).isEqualTo(CARD_HOLDER);
        assertThat(record.path("IS_DISABLED").asText()).isEqualTo("Y");
        assertThat(record.path("DEFORM_ID").asText()).isEqualTo("3"); // physical, as the README says
        assertThat(record.path("CARD_NO").asText()).isEqualTo(disability.cardNumber());
        assertThat(record.path("CARD_ISSUE").asText()).isEqualTo(BuddhistEra.format(disability.cardIssueDate()))
                .startsWith("25");
        assertThat(record.path("CARD_STATUS").asText()).isEqualTo("1");
    }

    @Test
    void someoneWithoutACardIsFoundWithEmptyCardFields() throws Exception {
        JsonNode record = JSON.readTree(Http.get(msdhs.disabilityCardUrl() + "?PERSON_ID=1103000123455").body()).path("RECORD");
        assertThat(record.path("IS_DISABLED").asText()).isEqualTo("N");
        assertThat(record.path("DEFORM_ID").asText()).isEmpty();
        assertThat(record.path("CARD_NO").asText()).isEmpty();
    }

    @Test
    void unknownInvalidAndFailingAnswers() throws Exception {
        HttpResponse<String> unknown = Http.get(msdhs.disabilityCardUrl() + "?PERSON_ID=" + POPULATION.unknownButValidCitizenId());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("STATUS").asText()).isEqualTo("0404");
        HttpResponse<String> invalid = Http.get(msdhs.disabilityCardUrl() + "?PERSON_ID=1103000123456");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).path("STATUS").asText()).isEqualTo("0400");
        msdhs.faults().set(FaultMode.FAIL);
        try {
            HttpResponse<String> failing = Http.get(msdhs.disabilityCardUrl() + "?PERSON_ID=" + CARD_HOLDER);
            assertThat(failing.statusCode()).isEqualTo(500);
            assertThat(JSON.readTree(failing.body()).path("STATUS").asText()).isEqualTo("9999");
        } finally {
            msdhs.faults().clear();
        }
    }
}

package org.saphan.simulators.dopa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saphan.simulators.Http;
import org.saphan.simulators.calendar.BuddhistEra;
import org.saphan.simulators.population.Gender;
import org.saphan.simulators.population.Person;
import org.saphan.simulators.population.SyntheticPopulation;

class DopaCitizenSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DATA_FIELDS = List.of("PID", "TITLE_DESC", "FNAME", "LNAME", "FNAME_EN",
            "LNAME_EN", "SEX", "BIRTH_DATE", "NAT_CODE", "HOUSE_NO", "MOO", "SOI", "ROAD", "TAMBON_DESC",
            "AMPHUR_DESC", "PROVINCE_DESC", "POSTCODE", "STATUS_CODE");

    private static final SyntheticPopulation POPULATION = SyntheticPopulation.standard();
    private static DopaCitizenSimulator dopa;

    @BeforeAll
    static void start() {
        dopa = new DopaCitizenSimulator(POPULATION, 0).start();
    }

    @AfterAll
    static void stop() {
        dopa.stop();
    }

    private static HttpResponse<String> profile(String pidQuery) throws Exception {
        return Http.get(dopa.citizenProfileUrl() + pidQuery);
    }

    private static Map<String, Object> body(HttpResponse<String> response) throws Exception {
        return JSON.readValue(response.body(), new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(HttpResponse<String> response) throws Exception {
        return (Map<String, Object>) body(response).get("DATA");
    }

    @Test
    void knownPersonGetsTheLegacyProfile() throws Exception {
        HttpResponse<String> response = profile("?PID=1103000123455");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        Map<String, Object> body = body(response);
        assertThat(body.keySet()).containsExactly("RESULT_CODE", "RESULT_DESC", "DATA");
        assertThat(body).containsEntry("RESULT_CODE", "00").containsEntry("RESULT_DESC", "สำเร็จ");

        Map<String, Object> data = data(response);
        assertThat(data.keySet()).containsExactlyElementsOf(DATA_FIELDS);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("PID", "1103000123455");
        expected.put("TITLE_DESC", "นาย");
        expected.put("FNAME", "สมชาย");
        expected.put("LNAME", "ใจดี");
        expected.put("FNAME_EN", "SOMCHAI");
        expected.put("LNAME_EN", "JAIDEE");
        expected.put("SEX", "1");
        expected.put("BIRTH_DATE", "25320415");
        expected.put("NAT_CODE", "099");
        expected.put("HOUSE_NO", "99/1");
        expected.put("MOO", "");
        expected.put("SOI", "งามวงศ์วาน 23");
        expected.put("ROAD", "งามวงศ์วาน");
        expected.put("TAMBON_DESC", "ลาดยาว");
        expected.put("AMPHUR_DESC", "จตุจักร");
        expected.put("PROVINCE_DESC", "กรุงเทพมหานคร");
        expected.put("POSTCODE", "10900");
        expected.put("STATUS_CODE", "0");
        assertThat(data).isEqualTo(expected);
    }

    @Test
    void womanHasSexTwoAndEmptyStringsForMissingSoiAndRoad() throws Exception {
        Map<String, Object> data = data(profile("?PID=1400100234563"));
        assertThat(data).containsEntry("SEX", "2").containsEntry("TITLE_DESC", "นางสาว")
                .containsEntry("SOI", "").containsEntry("ROAD", "").containsEntry("MOO", "");
    }

    @Test
    void ruralElderHasAMooAndABuddhistEraBirthDate() throws Exception {
        Map<String, Object> data = data(profile("?PID=3301500012345"));
        assertThat(data).containsEntry("MOO", "7").containsEntry("BIRTH_DATE", "24910210")
                .containsEntry("AMPHUR_DESC", "พิมาย").containsEntry("POSTCODE", "30110");
    }

    @Test
    void deceasedPersonHasStatusCodeOne() throws Exception {
        assertThat(data(profile("?PID=3500100078907"))).containsEntry("STATUS_CODE", "1");
    }

    @Test
    void everyProfileAgreesWithThePopulationAndUsesOnlyStrings() throws Exception {
        List<Person> sample = POPULATION.all().subList(0, 300);
        for (Person person : sample) {
            HttpResponse<String> response = profile("?PID=" + person.citizenId());
            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> data = data(response);
            assertThat(data.keySet()).containsExactlyElementsOf(DATA_FIELDS);
            assertThat(data.values()).allMatch(value -> value instanceof String);
            assertThat(data).containsEntry("PID", person.citizenId())
                    .containsEntry("FNAME", person.firstNameTh())
                    .containsEntry("LNAME_EN", person.lastNameEn())
                    .containsEntry("SEX", person.gender() == Gender.MALE ? "1" : "2")
                    .containsEntry("STATUS_CODE", person.deceased() ? "1" : "0")
                    .containsEntry("POSTCODE", person.address().postalCode());
            assertThat(BuddhistEra.parse((String) data.get("BIRTH_DATE"))).isEqualTo(person.birthDate());
        }
    }

    @Test
    void unknownPersonIs404() throws Exception {
        HttpResponse<String> response = profile("?PID=" + POPULATION.unknownButValidCitizenId());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"RESULT_CODE\":\"04\",\"RESULT_DESC\":\"ไม่พบข้อมูล\"}");
    }

    @Test
    void malformedPidIs400() throws Exception {
        String invalid = "{\"RESULT_CODE\":\"01\",\"RESULT_DESC\":\"เลขประจำตัวประชาชนไม่ถูกต้อง\"}";
        for (String query : List.of("?PID=1103000123456", "", "?PID=", "?pid=1103000123455", "?PID=110300012345",
                "?PID=11030001234550", "?PID=110300012345X", "?PID=+1103000123455")) {
            HttpResponse<String> response = profile(query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).isEqualTo(invalid);
        }
    }

    @Test
    void smallAnswersDoNotWaitForDelayedAcks() throws Exception {
        for (int i = 0; i < 20; i++) {
            profile("?PID=1103000123455");
        }
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            profile("?PID=1103000123455");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("50 sequential requests; about 2,000 ms when Nagle meets delayed ACK").isLessThan(1_500);
    }

    @Test
    void onlyGetIsServed() throws Exception {
        assertThat(Http.postForm(dopa.citizenProfileUrl(), "PID=1103000123455").statusCode()).isEqualTo(405);
    }

    @Test
    void servesRequestsWithoutWritingAnythingToTheConsole() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        try {
            System.setOut(capture);
            System.setErr(capture);
            profile("?PID=1103000123455");
            profile("?PID=" + POPULATION.unknownButValidCitizenId());
            profile("?PID=1103000123456");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}

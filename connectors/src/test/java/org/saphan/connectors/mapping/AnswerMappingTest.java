package org.saphan.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The DOPA citizen-profile mapping file against native answers recorded from the DOPA simulator
 * ({@code samples/DOPA/*.json}) and the standard data sets written by hand ({@code samples/DOPA/standard/}).
 */
class AnswerMappingTest {

    static final String DOPA_MAPPING = "classpath:mappings/DOPA/citizen-profile/v1.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultResourceLoader RESOURCES = new DefaultResourceLoader();

    private static AnswerMapping dopa;

    @BeforeAll
    static void readMapping() throws IOException {
        Resource file = RESOURCES.getResource(DOPA_MAPPING);
        try (InputStream in = file.getInputStream()) {
            dopa = AnswerMapping.read(DOPA_MAPPING, in);
        }
    }

    // --- recorded answers to the standard data set ---------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"found-adult-man", "found-adult-empty-soi-road", "found-elderly-with-moo", "found-deceased"})
    void mapsEachRecordedFoundAnswerToExactlyTheStandardDataSet(String sample) {
        JsonNode answer = sample(sample + ".json");
        JsonNode expected = sample("standard/" + sample + ".json");

        assertThat(dopa.outcomeOf(answer)).isEqualTo(AnswerMapping.Outcome.Kind.FOUND);
        ObjectNode mapped = dopa.apply(answer);

        // JsonNode equality: same field names, same values, nothing more, nothing less (order aside)
        assertThat(mapped).isEqualTo(expected);
    }

    @Test
    void convertsBuddhistEraDatesCodesAndEnglishNames() {
        ObjectNode mapped = dopa.apply(sample("found-adult-man.json"));

        assertThat(mapped.get("birthDate").asText()).isEqualTo("1989-04-15"); // from 25320415
        assertThat(mapped.get("gender").asText()).isEqualTo("male");          // from SEX 1
        assertThat(mapped.get("nationality").asText()).isEqualTo("TH");       // from NAT_CODE 099
        assertThat(mapped.get("lifeStatus").asText()).isEqualTo("alive");     // from STATUS_CODE 0
        assertThat(mapped.get("firstNameEn").asText()).isEqualTo("Somchai");  // from SOMCHAI
        assertThat(mapped.get("lastNameEn").asText()).isEqualTo("Jaidee");    // from JAIDEE
        assertThat(mapped.get("address").isObject()).isTrue();
        assertThat(mapped.get("address").get("province").asText()).isEqualTo("กรุงเทพมหานคร");
        // no native field name survives the mapping
        assertThat(mapped.toString()).doesNotContain("PID", "FNAME", "BIRTH_DATE", "RESULT_CODE", "DATA");
    }

    @Test
    void leavesOutTheEmptyStringsOfTheLegacyRegister() {
        JsonNode answer = sample("found-adult-empty-soi-road.json");
        assertThat(answer.at("/DATA/MOO").asText()).isEmpty();
        assertThat(answer.at("/DATA/SOI").asText()).isEmpty();
        assertThat(answer.at("/DATA/ROAD").asText()).isEmpty();

        JsonNode address = dopa.apply(answer).get("address");

        assertThat(address.has("moo")).isFalse();
        assertThat(address.has("soi")).isFalse();
        assertThat(address.has("road")).isFalse();
        assertThat(address.get("houseNo").asText()).isEqualTo("123");
    }

    @Test
    void keepsMooWhenTheRegisterHasOne() {
        JsonNode address = dopa.apply(sample("found-elderly-with-moo.json")).get("address");

        assertThat(address.get("moo").asText()).isEqualTo("7");
        assertThat(address.has("soi")).isFalse();
    }

    @Test
    void mapsTheDeceasedStatus() {
        assertThat(dopa.apply(sample("found-deceased.json")).get("lifeStatus").asText()).isEqualTo("deceased");
    }

    @Test
    void trimsValuesAndTreatsBlankAsAbsent() {
        ObjectNode answer = (ObjectNode) sample("found-adult-man.json");
        ((ObjectNode) answer.get("DATA")).put("FNAME", "  สมชาย ").put("ROAD", "   ");
        ((ObjectNode) answer.get("DATA")).putNull("SOI");

        ObjectNode mapped = dopa.apply(answer);

        assertThat(mapped.get("firstNameTh").asText()).isEqualTo("สมชาย");
        assertThat(mapped.get("address").has("road")).isFalse();
        assertThat(mapped.get("address").has("soi")).isFalse();
    }

    // --- outcome ----------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "found-adult-man.json,       FOUND",
            "found-deceased.json,        FOUND",
            "not-found-404.json,         NOT_FOUND",
            "invalid-pid-400.json,       OTHER",
            "system-error-500.json,      OTHER"})
    void classifiesTheRecordedAnswersByTheirResultCode(String sample, AnswerMapping.Outcome.Kind expected) {
        assertThat(dopa.outcomeOf(sample(sample))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"RESULT_CODE\":null}", "{\"RESULT_CODE\":{\"code\":\"00\"}}",
            "{\"RESULT_CODE\":[\"00\"]}", "{\"RESULT_CODE\":0}", "{\"RESULT_CODE\":\"\"}", "{\"result_code\":\"00\"}"})
    void anAnswerWithoutAUsableResultCodeIsNeitherFoundNorNotFound(String answer) throws IOException {
        assertThat(dopa.outcomeOf(JSON.readTree(answer))).isEqualTo(AnswerMapping.Outcome.Kind.OTHER);
    }

    @Test
    void aMappingWithoutOutcomeFieldCallsEveryAnswerFound() throws IOException {
        AnswerMapping mapping = mapping("fields: {citizenId: {from: PID}}");

        assertThat(mapping.outcomeOf(JSON.readTree("{\"anything\":1}"))).isEqualTo(AnswerMapping.Outcome.Kind.FOUND);
        assertThat(mapping.apply(JSON.readTree("{\"PID\":\"1103000123455\"}")).toString())
                .isEqualTo("{\"citizenId\":\"1103000123455\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-found-404.json", "invalid-pid-400.json", "system-error-500.json"})
    void anAnswerWithoutRecordCannotBeMapped(String sample) {
        assertThatThrownBy(() -> dopa.apply(sample(sample)))
                .isInstanceOf(AnswerMapping.MappingException.class)
                .hasMessageContaining("/DATA");
    }

    // --- values that do not fit the standard ---------------------------------------------------

    @Test
    void anUnknownSexCodeIsAMappingErrorThatDoesNotRepeatTheValue() {
        ObjectNode answer = withData("SEX", "SEX-CODE-7Q");

        assertThatThrownBy(() -> dopa.apply(answer))
                .isInstanceOf(AnswerMapping.MappingException.class)
                .hasMessageContaining("gender")
                .hasMessageNotContaining("SEX-CODE-7Q")
                .hasMessageNotContaining("7Q");
    }

    @Test
    void anUnknownNationalityOrStatusCodeIsAMappingError() {
        assertThatThrownBy(() -> dopa.apply(withData("NAT_CODE", "098")))
                .isInstanceOf(AnswerMapping.MappingException.class)
                .hasMessageContaining("nationality")
                .hasMessageNotContaining("098");
        assertThatThrownBy(() -> dopa.apply(withData("STATUS_CODE", "9")))
                .isInstanceOf(AnswerMapping.MappingException.class)
                .hasMessageContaining("lifeStatus");
    }

    @ParameterizedTest
    @ValueSource(strings = {"25320231", "25321301", "25320400", "25420229", "2532041", "253204150", "2532-4-1", "B.E.2532"})
    void anImpossibleOrMalformedBuddhistEraDateIsAMappingErrorThatDoesNotRepeatTheValue(String date) {
        assertThatThrownBy(() -> dopa.apply(withData("BIRTH_DATE", date)))
                .isInstanceOf(AnswerMapping.MappingException.class)
                .hasMessageContaining("birthDate")
                .hasMessageNotContaining(date);
    }

    @ParameterizedTest
    @CsvSource({"25430229, 2000-02-29", "25430101, 2000-01-01", "24831231, 1940-12-31", "25691231, 2026-12-31"})
    void convertsBuddhistEraDatesIncludingLeapDays(String buddhist, String iso) {
        assertThat(dopa.apply(withData("BIRTH_DATE", buddhist)).get("birthDate").asText()).isEqualTo(iso);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SOMCHAI | Somchai",
            "somchai | Somchai",
            "MARY-JANE | Mary-Jane",
            "O'NEIL | O'Neil",
            "NA AYUDHYA | Na Ayudhya"})
    void capitalisesEnglishNames(String nativeName, String standard) {
        assertThat(dopa.apply(withData("LNAME_EN", nativeName)).get("lastNameEn").asText()).isEqualTo(standard);
    }

    @Test
    void aStructuredValueWhereAPlainOneBelongsIsAMappingError() {
        ObjectNode answer = (ObjectNode) sample("found-adult-man.json");
        ((ObjectNode) answer.get("DATA")).putObject("FNAME").put("th", "สมชาย");

        assertThatThrownBy(() -> dopa.apply(answer))
                .isInstanceOf(AnswerMapping.MappingException.class)
                .hasMessageContaining("firstNameTh")
                .hasMessageNotContaining("สมชาย");
    }

    @Test
    void aMappingExceptionCarriesNoStackTraceOrCause() {
        AnswerMapping.MappingException e = new AnswerMapping.MappingException("field 'x' is wrong");

        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.getCause()).isNull();
    }

    // --- broken mapping files -------------------------------------------------------------------

    @Test
    void aMappingFileWithAnUnknownConversionIsRefusedNamingTheField() {
        assertThatThrownBy(() -> mapping("""
                fields:
                  citizenId: {from: PID}
                  birthDate: {from: BIRTH_DATE, convert: thai-solar-date}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.yaml")
                .hasMessageContaining("'birthDate'")
                .hasMessageContaining("thai-solar-date");
    }

    @Test
    void aMappingFileWithAFieldWithoutFromIsRefusedNamingTheField() {
        assertThatThrownBy(() -> mapping("""
                fields:
                  citizenId: {from: PID}
                  address.province: {convert: text}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.yaml")
                .hasMessageContaining("'address.province'")
                .hasMessageContaining("from");
        assertThatThrownBy(() -> mapping("""
                fields:
                  gender: {from: "  "}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'gender'");
        assertThatThrownBy(() -> mapping("""
                fields:
                  gender:
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'gender'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "record: /DATA", "fields: {}", "fields: [a, b]", "fields: {citizenId: {from: PID, kind: text}}",
            "just some text"})
    void aMappingFileThatMapsNothingOrIsNotOfTheMappingFormIsRefused(String yaml) {
        assertThatThrownBy(() -> mapping(yaml))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.yaml");
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static AnswerMapping mapping(String yaml) {
        return AnswerMapping.read("broken.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The recorded adult man's answer with one DATA field replaced. */
    private static ObjectNode withData(String field, String value) {
        ObjectNode answer = (ObjectNode) sample("found-adult-man.json");
        ((ObjectNode) answer.get("DATA")).put(field, value);
        return answer;
    }

    static JsonNode sample(String name) {
        Resource file = RESOURCES.getResource("classpath:samples/DOPA/" + name);
        try (InputStream in = file.getInputStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("sample " + name, e);
        }
    }
}

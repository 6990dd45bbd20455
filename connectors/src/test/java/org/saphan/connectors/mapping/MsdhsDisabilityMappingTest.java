package org.saphan.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saphan.schemas.DataSetSchema;
import org.springframework.core.io.DefaultResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The MSDHS disability-status mapping against native answers recorded from the MSDHS simulator
 * ({@code samples/MSDHS/*.json}) and the standard data sets written by hand ({@code samples/MSDHS/standard/}).
 */
class MsdhsDisabilityMappingTest {

    private static final String MAPPING = "classpath:mappings/MSDHS/disability-status/v1.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultResourceLoader RESOURCES = new DefaultResourceLoader();
    private static AnswerMapping msdhs;
    private static DataSetSchema response;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = RESOURCES.getResource(MAPPING).getInputStream()) {
            msdhs = AnswerMapping.read(MAPPING, in);
        }
        String schema = "classpath:saphan/schemas/MSDHS/disability-status/v1/response.schema.json";
        try (InputStream in = RESOURCES.getResource(schema).getInputStream()) {
            response = DataSetSchema.compile(schema, JSON.readTree(in));
        }
    }

    private static JsonNode sample(String name) {
        try (InputStream in = RESOURCES.getResource("classpath:samples/MSDHS/" + name).getInputStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"found-card-holder", "found-expired-card", "found-intellectual", "found-no-card"})
    void mapsEachRecordedFoundAnswerToExactlyTheStandardDataSet(String name) {
        JsonNode answer = sample(name + ".json");
        assertThat(msdhs.outcomeOf(answer)).isEqualTo(AnswerMapping.Outcome.Kind.FOUND);
        ObjectNode mapped = msdhs.apply(answer);
        assertThat(mapped).isEqualTo(sample("standard/" + name + ".json"));
        assertThat(response.violations(mapped)).isEmpty();
        // no native field name survives the mapping
        assertThat(mapped.toString()).doesNotContain("PERSON_ID", "DEFORM", "CARD_", "RECORD", "STATUS\"");
    }

    @Test
    void convertsBuddhistEraCardDatesAndTheOfficialTypeNumbers() {
        JsonNode answer = sample("found-card-holder.json");
        ObjectNode mapped = msdhs.apply(answer);
        assertThat(answer.at("/RECORD/CARD_ISSUE").asText()).isEqualTo("25681026");
        assertThat(mapped.get("cardIssueDate").asText()).isEqualTo("2025-10-26");   // B.E. 2568 - 543
        assertThat(answer.at("/RECORD/DEFORM_ID").asText()).isEqualTo("3");
        assertThat(mapped.get("disabilityType").asText()).isEqualTo("physical");
        assertThat(msdhs.apply(sample("found-expired-card.json")).get("cardStatus").asText()).isEqualTo("expired");
    }

    @Test
    void theRegistrysEmptyCardFieldsAreLeftOut() {
        JsonNode answer = sample("found-no-card.json");
        assertThat(answer.at("/RECORD/CARD_NO").asText()).isEmpty();
        assertThat(msdhs.apply(answer).has("cardNumber")).isFalse();
        assertThat(msdhs.apply(answer).has("disabilityType")).isFalse();
    }

    @Test
    void recordedRefusalsAreNotFoundOrNeither() {
        assertThat(msdhs.outcomeOf(sample("not-found-404.json"))).isEqualTo(AnswerMapping.Outcome.Kind.NOT_FOUND);
        // neither found nor not found: the connector answers provider-error
        assertThat(msdhs.outcomeOf(sample("invalid-person-id-400.json"))).isEqualTo(AnswerMapping.Outcome.Kind.OTHER);
        assertThat(msdhs.outcomeOf(sample("system-error-500.json"))).isEqualTo(AnswerMapping.Outcome.Kind.OTHER);
    }

    @Test
    void aTypeNumberOutsideTheOfficialListIsRefusedNotPassedThrough() {
        ObjectNode strange = (ObjectNode) sample("found-card-holder.json");
        ((ObjectNode) strange.get("RECORD")).put("DEFORM_ID", "8");
        assertThatThrownBy(() -> msdhs.apply(strange)).isInstanceOf(AnswerMapping.MappingException.class);
    }
}

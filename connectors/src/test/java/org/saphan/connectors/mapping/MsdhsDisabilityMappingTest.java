package org.saphan.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saphan.schemas.DataSetSchema;
import org.springframework.core.io.DefaultResourceLoader;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MSDHS disability-status mapping against answers in the registry's legacy shape, written by hand. */
class MsdhsDisabilityMappingTest {

    private static final String MAPPING = "classpath:mappings/MSDHS/disability-status/v1.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AnswerMapping msdhs;
    private static DataSetSchema response;

    @BeforeAll
    static void read() throws IOException {
        DefaultResourceLoader resources = new DefaultResourceLoader();
        try (InputStream in = resources.getResource(MAPPING).getInputStream()) {
            msdhs = AnswerMapping.read(MAPPING, in);
        }
        String schema = "classpath:saphan/schemas/MSDHS/disability-status/v1/response.schema.json";
        try (InputStream in = resources.getResource(schema).getInputStream()) {
            response = DataSetSchema.compile(schema, JSON.readTree(in));
        }
    }

    @Test
    void aCardHolderBecomesTheStandardDataSet() throws IOException {
        JsonNode answer = JSON.readTree("""
                {"STATUS":"0000","MESSAGE":"พบข้อมูล","RECORD":{"PERSON_ID":"1901100567895","IS_DISABLED":"Y",
                 "DEFORM_ID":"3","DEFORM_NAME":"ความพิการทางการเคลื่อนไหวหรือทางร่างกาย","CARD_NO":"9011-2566-000123",
                 "CARD_ISSUE":"25660301","CARD_EXPIRE":"25740228","CARD_STATUS":"1"}}""");
        assertThat(msdhs.outcomeOf(answer)).isEqualTo(AnswerMapping.Outcome.Kind.FOUND);
        JsonNode mapped = msdhs.apply(answer);
        assertThat(mapped).isEqualTo(JSON.readTree("""
                {"citizenId":"1901100567895","registration":"registered","disabilityType":"physical",
                 "cardNumber":"9011-2566-000123","cardIssueDate":"2023-03-01","cardExpiryDate":"2031-02-28","cardStatus":"valid"}"""));
        assertThat(response.violations(mapped)).isEmpty();
    }

    @Test
    void someoneWithoutACardHasNoCardFields() throws IOException {
        JsonNode answer = JSON.readTree("""
                {"STATUS":"0000","MESSAGE":"พบข้อมูล","RECORD":{"PERSON_ID":"1103000123455","IS_DISABLED":"N",
                 "DEFORM_ID":"","DEFORM_NAME":"","CARD_NO":"","CARD_ISSUE":"","CARD_EXPIRE":"","CARD_STATUS":""}}""");
        JsonNode mapped = msdhs.apply(answer);
        assertThat(mapped).isEqualTo(JSON.readTree("{\"citizenId\":\"1103000123455\",\"registration\":\"not-registered\"}"));
        assertThat(response.violations(mapped)).isEmpty();
    }

    @Test
    void notFoundAndUnknownCodes() throws IOException {
        assertThat(msdhs.outcomeOf(JSON.readTree("{\"STATUS\":\"0404\"}"))).isEqualTo(AnswerMapping.Outcome.Kind.NOT_FOUND);
        assertThat(msdhs.outcomeOf(JSON.readTree("{\"STATUS\":\"9999\"}"))).isEqualTo(AnswerMapping.Outcome.Kind.OTHER);
        JsonNode strange = JSON.readTree("""
                {"STATUS":"0000","RECORD":{"PERSON_ID":"1901100567895","IS_DISABLED":"Y","DEFORM_ID":"8"}}""");
        assertThatThrownBy(() -> msdhs.apply(strange)).isInstanceOf(AnswerMapping.MappingException.class);
    }
}

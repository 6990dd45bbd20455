package org.saphan.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class DataSetSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DataSetSchema load(String path) throws Exception {
        try (InputStream in = DataSetSchemaTest.class.getResourceAsStream("/saphan/schemas/" + path)) {
            return DataSetSchema.compile(path, JSON.readTree(in));
        }
    }

    @Test
    void citizenProfileResponseListsItsFieldPaths() throws Exception {
        DataSetSchema schema = load("DOPA/citizen-profile/v1/response.schema.json");
        assertThat(schema.fieldPaths()).contains("citizenId", "birthDate", "address", "address.province")
                .doesNotContain("province");
        assertThat(schema.isLeaf("address")).isFalse();
        assertThat(schema.isLeaf("address.province")).isTrue();
    }

    @Test
    void violationsNameTheRuleNotTheValue() throws Exception {
        DataSetSchema schema = load("DOPA/citizen-profile/v1/request.schema.json");
        assertThat(schema.violations(JSON.readTree("{\"citizenId\":\"1103000123455\"}"))).isEmpty();
        JsonNode bad = JSON.readTree("{\"citizenId\":\"11030001234\",\"name\":\"สมชาย\"}");
        assertThat(schema.violations(bad)).isNotEmpty()
                .allSatisfy(m -> assertThat(m).doesNotContain("11030001234").doesNotContain("สมชาย"))
                .anySatisfy(m -> assertThat(m).contains("pattern"))
                .anySatisfy(m -> assertThat(m).contains("additionalProperties"));
    }
}

package org.saphan.exchange.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Data minimisation: nested and array fields an agreement does not name never leave. */
class FieldReleaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nestedFieldsNotInTheAgreementNeverLeave() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"citizenId":"1","address":{"houseNo":"99/1","province":"Bangkok","geo":{"lat":13.8,"lon":100.5}},
                 "secret":{"note":"x"}}""");
        FieldRelease.Released released = new FieldRelease(List.of("citizenId", "address.province")).apply(answer);
        assertThat(released.data().toString()).isEqualTo("{\"citizenId\":\"1\",\"address\":{\"province\":\"Bangkok\"}}");
        assertThat(released.fields()).containsExactly("citizenId", "address.province");
    }

    @Test
    void arrayElementsKeepOnlyTheAgreedFields() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"children":[{"citizenId":"2","name":"a","healthNote":"asthma"},{"citizenId":"3","healthNote":"none"}],
                 "tags":["x","y"]}""");
        FieldRelease.Released released = new FieldRelease(List.of("children.citizenId")).apply(answer);
        assertThat(released.data().toString()).isEqualTo("{\"children\":[{\"citizenId\":\"2\"},{\"citizenId\":\"3\"}]}");
        assertThat(released.data().toString()).doesNotContain("healthNote").doesNotContain("tags");
        assertThat(released.fields()).containsExactly("children.citizenId");
    }

    @Test
    void aScalarWhereAnObjectIsAgreedReleasesNothingAndAWholeSubtreeIsReleasedWhole() throws Exception {
        JsonNode answer = JSON.readTree("{\"address\":\"99/1 Bangkok\",\"name\":{\"th\":\"a\",\"en\":\"b\"}}");
        FieldRelease.Released released = new FieldRelease(List.of("address.province", "name")).apply(answer);
        assertThat(released.data().toString()).isEqualTo("{\"name\":{\"th\":\"a\",\"en\":\"b\"}}");
    }
}

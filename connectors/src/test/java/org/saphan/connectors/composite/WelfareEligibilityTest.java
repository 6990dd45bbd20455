package org.saphan.connectors.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The screening rules of the one-stop welfare answer, and that a missing part never makes anyone eligible. */
class WelfareEligibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final String ID = "1103000123455";

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static PartOutcome profile(String birthDate, String lifeStatus) {
        return new PartOutcome(WelfareEligibility.PROFILE, "e1", PartOutcome.OK,
                json("{\"citizenId\":\"" + ID + "\",\"birthDate\":\"" + birthDate + "\",\"lifeStatus\":\"" + lifeStatus
                        + "\",\"address\":{\"province\":\"x\"}}"));
    }

    private static PartOutcome card(String registration, String cardStatus) {
        return new PartOutcome(WelfareEligibility.DISABILITY, "e2", PartOutcome.OK,
                json("{\"citizenId\":\"" + ID + "\",\"registration\":\"" + registration + "\",\"cardStatus\":\"" + cardStatus + "\"}"));
    }

    private static PartOutcome refused(String service, String code) {
        return new PartOutcome(service, "e3", code, null);
    }

    private static JsonNode eligibility(PartOutcome... parts) {
        return new WelfareEligibility().compose(ID, List.of(parts), TODAY).path("eligibility");
    }

    @Test
    void elderlyFromSixtyAndAlive() {
        assertThat(eligibility(profile("1966-11-21", "alive")).path("elderlyAllowance").asText()).isEqualTo("eligible");
        assertThat(eligibility(profile("1966-11-22", "alive")).path("elderlyAllowance").asText()).isEqualTo("not-eligible");
        assertThat(eligibility(profile("1940-01-01", "deceased")).path("elderlyAllowance").asText()).isEqualTo("not-eligible");
    }

    @Test
    void newbornUnderSix() {
        assertThat(eligibility(profile("2020-11-22", "alive")).path("newbornChildSupport").asText()).isEqualTo("eligible");
        assertThat(eligibility(profile("2020-11-21", "alive")).path("newbornChildSupport").asText()).isEqualTo("not-eligible");
    }

    @Test
    void disabilityNeedsARegisteredValidCard() {
        assertThat(eligibility(profile("1980-01-01", "alive"), card("registered", "valid"))
                .path("disabilityAllowance").asText()).isEqualTo("eligible");
        assertThat(eligibility(card("registered", "expired")).path("disabilityAllowance").asText()).isEqualTo("not-eligible");
        assertThat(eligibility(profile("1980-01-01", "deceased"), card("registered", "valid"))
                .path("disabilityAllowance").asText()).isEqualTo("not-eligible");
    }

    @Test
    void aPartNotReleasedGivesUnknownAndIsReported() {
        JsonNode answer = new WelfareEligibility().compose(ID,
                List.of(refused(WelfareEligibility.PROFILE, "provider-error"), refused(WelfareEligibility.DISABILITY, "consent-required")),
                TODAY);
        assertThat(answer.path("eligibility").path("elderlyAllowance").asText()).isEqualTo("unknown");
        assertThat(answer.path("eligibility").path("newbornChildSupport").asText()).isEqualTo("unknown");
        assertThat(answer.path("eligibility").path("disabilityAllowance").asText()).isEqualTo("unknown");
        assertThat(answer.has("ageYears")).isFalse();
        assertThat(answer.path("parts")).hasSize(2);
        assertThat(answer.path("parts").get(1).path("code").asText()).isEqualTo("consent-required");
        assertThat(answer.path("parts").get(1).path("released").asBoolean()).isFalse();
    }
}

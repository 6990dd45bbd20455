package org.saphan.schemas;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Identifiers arrive from outside (bodies, headers, paths): their parsers never throw anything unexpected. */
class IdentifiersFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void identifierParsersAcceptOrRefuseCleanly(String input) {
        boolean valid = CitizenId.isValid(input);
        if (valid) {
            assertThat(CitizenId.parse(input).digits()).isEqualTo(input);
            assertThat(input).hasSize(13).containsOnlyDigits();
            assertThat(CitizenId.checkDigitFor(input.substring(0, 12))).isEqualTo(input.charAt(12) - '0');
        } else {
            try {
                CitizenId.parse(input);
                throw new AssertionError("an invalid ID was parsed");
            } catch (CitizenId.InvalidCitizenIdException expected) {
                if (input != null && input.length() >= 13) { // an echo of anything ID-sized would leak it
                    assertThat(expected.getMessage()).doesNotContain(input);
                }
            }
        }
        Identifiers.isOfficerId(input);
        Identifiers.isRequestId(input);
        Identifiers.isPurpose(input);
        try {
            assertThat(ServiceId.parse(input).toString()).isEqualTo(input);
        } catch (IllegalArgumentException refused) {
            // not a service id: refused cleanly
        }
        LegalBasis.fromCode(input).ifPresent(b -> assertThat(b.code()).isEqualTo(input));
    }
}

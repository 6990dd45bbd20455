package org.saphan.connectors.composite;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saphan.exchange.catalog.Agreement;
import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ServiceId;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Which legal basis a composite's part is asked under, from the consumer's agreement for that part. */
class CompositePartLegalBasisTest {

    private static Agreement agreement(String bases) {
        Set<LegalBasis> legalBases = Arrays.stream(bases.split(" ")).map(c -> LegalBasis.fromCode(c).orElseThrow())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new Agreement("AGR-1", "MSDHS/welfare-portal", ServiceId.parse("MSDHS/disability-status/v1"),
                Set.of("welfare-eligibility"), legalBases, "An Act", List.of("citizenId"),
                LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), null, null, "1 year");
    }

    @ParameterizedTest(name = "{0}, consent id {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            pdpa-24-4                        | -   | pdpa-24-4
            pdpa-24-4                        | c-1 | pdpa-24-4
            explicit-consent consent         | c-1 | explicit-consent
            consent pdpa-24-4                | c-1 | consent
            explicit-consent pdpa-26-5       | -   | pdpa-26-5
            # only consent bases and no consent id: the route refuses the part, saying a consent is missing
            explicit-consent consent         | -   | explicit-consent
            consent                          | -   | consent
            # several bases that need no consent: nothing is guessed, the route refuses with invalid-request
            pdpa-24-4 pdpa-24-6              | -   | -
            explicit-consent pdpa-24-4 pdpa-24-6 | - | -
            """)
    void fromTheAgreementForThePart(String agreed, String consentId, String expected) {
        assertThat(CompositeCall.legalBasis(agreement(agreed), consentId).map(LegalBasis::code).orElse(null))
                .isEqualTo(expected);
    }
}

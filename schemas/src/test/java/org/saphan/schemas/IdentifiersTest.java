package org.saphan.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    @Test
    void serviceIdsHaveThreeParts() {
        ServiceId id = ServiceId.parse("DOPA/citizen-profile/v1");
        assertThat(id.provider()).isEqualTo("DOPA");
        assertThat(id.code()).isEqualTo("citizen-profile");
        assertThat(id.version()).isEqualTo("v1");
        assertThat(id).hasToString("DOPA/citizen-profile/v1");
        for (String bad : new String[] {"dopa/citizen-profile/v1", "DOPA/Citizen/v1", "DOPA/citizen-profile/1",
                "DOPA/citizen-profile", "DOPA/a/v1/x", "DOPA/citizen-profile/v0"}) {
            assertThatThrownBy(() -> ServiceId.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void clientSystemsAreAgencySlashSystem() {
        assertThat(ClientSystemId.parse("MSDHS/welfare-portal").agency()).isEqualTo("MSDHS");
        assertThat(ClientSystemId.isWellFormed("MSDHS/Welfare")).isFalse();
        assertThat(ClientSystemId.isWellFormed("msdhs/welfare")).isFalse();
        assertThat(ClientSystemId.isWellFormed("MSDHS/")).isFalse();
    }

    @Test
    void officerIsAValidCitizenIdOrASystemName() {
        assertThat(Identifiers.isOfficerId("3100600123450")).isTrue();
        assertThat(Identifiers.isOfficerId("3100600123458")).isFalse();
        assertThat(Identifiers.isOfficerId("batch-job.nightly")).isTrue();
        assertThat(Identifiers.isOfficerId("x")).isFalse();
        assertThat(Identifiers.isOfficerId("name with spaces")).isFalse();
        assertThat(Identifiers.isOfficerId(null)).isFalse();
    }

    @Test
    void requestIdsAreUuids() {
        assertThat(Identifiers.isRequestId("5d3c1b0e-6f1a-4c2b-9d8e-0a1b2c3d4e5f")).isTrue();
        assertThat(Identifiers.isRequestId("not-a-uuid")).isFalse();
    }

    @Test
    void legalBasesAndProblemCodesRoundTrip() {
        for (LegalBasis b : LegalBasis.values()) {
            assertThat(LegalBasis.fromCode(b.code())).contains(b);
        }
        assertThat(LegalBasis.fromCode("pdpa-24-7")).isEmpty();
        assertThat(LegalBasis.EXPLICIT_CONSENT.coversSensitiveData()).isTrue();
        assertThat(LegalBasis.PDPA_24_4.coversSensitiveData()).isFalse();
        assertThat(ProblemCode.fromCode("access-denied").status()).isEqualTo(403);
        assertThat(ProblemCode.PROVIDER_TIMEOUT.status()).isEqualTo(504);
    }
}

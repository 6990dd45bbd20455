package org.saphan.exchange.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saphan.exchange.testing.TestCatalogs;
import org.saphan.schemas.FieldClass;
import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ServiceId;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogLoaderTest {

    private static final ServiceId PROFILE = ServiceId.parse("DOPA/citizen-profile/v1");

    @Test
    void loadsTheTestCatalog() {
        Catalog catalog = TestCatalogs.standard();
        assertThat(catalog.client("MSDHS/welfare-portal")).get().satisfies(c -> assertThat(c.has(Role.CONSUMER)).isTrue());
        ServiceDefinition service = catalog.service(PROFILE).orElseThrow();
        assertThat(service.classOf("address.province")).isEqualTo(FieldClass.PERSONAL);
        assertThat(service.isPublicDataSet()).isFalse();
        assertThat(service.dataCategories()).containsExactlyInAnyOrder("identity", "address");
        assertThat(service.connector().timeout()).hasSeconds(2);
        Agreement agreement = catalog.agreementInForce("MSDHS/welfare-portal", PROFILE, LocalDate.of(2026, 6, 1)).orElseThrow();
        assertThat(agreement.legalBases()).containsExactlyInAnyOrder(LegalBasis.PDPA_24_4, LegalBasis.CONSENT);
        assertThat(catalog.agreementInForce("SSO/benefits-system", PROFILE, LocalDate.of(2026, 6, 1))).isEmpty();
        assertThat(catalog.agreementsFor("SSO/benefits-system", PROFILE)).hasSize(1);
        assertThat(catalog.agreementsFor("RD/tax-audit", PROFILE)).isEmpty();
    }

    /** Each row breaks the valid catalog in one way and names the message the operator must see. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown service in agreement | service: DOPA/citizen-profile/v1\\n    purposes: [welfare-eligibility]\\n    legalBases: [pdpa-24-6] | service: DOPA/nope/v1\\n    purposes: [welfare-eligibility]\\n    legalBases: [pdpa-24-6] | agreement 'AGR-OLD': unknown service 'DOPA/nope/v1'
            schema file missing          | v1/response.schema.json | v1/missing.schema.json | service 'DOPA/citizen-profile/v1': responseSchema file not found: classpath:saphan/schemas/DOPA/citizen-profile/v1/missing.schema.json
            duplicate agreement id       | id: AGR-OLD | id: AGR-1 | agreement 'AGR-1': duplicate id
            duplicate client id          | id: RD/tax-audit, | id: SSO/benefits-system, | client 'SSO/benefits-system': duplicate id
            unclassified response field  | \\n      address: personal |  | service 'DOPA/citizen-profile/v1': response field 'address.province' has no classification
            classified field not in schema | address: personal | addresses: personal | classified field 'addresses' is not in the response schema
            bad field class              | gender: personal | gender: secret | field 'gender' has class 'secret'; use public, personal or sensitive
            unknown connector kind       | kind: test | kind: soap | connector kind 'soap' is not provided by any connector module
            connector setting refused    | kind: test, timeout: 2s | kind: test, timeout: 2s, settings: {broken: 1} | connector: broken is not a setting of the test kind
            bad timeout                  | timeout: 2s | timeout: soon | connector.timeout 'soon' is not a duration
            24-4 without legal reference | legalReference: Social Welfare Promotion Act B.E. 2546 | legalReference: '' | agreement 'AGR-1': legalReference (the act and section giving the mandate) is required
            released field not in schema | releasedFields: [citizenId] | releasedFields: [citizenId, salary] | agreement 'AGR-OLD': released field 'salary' is not in the response schema
            unknown legal basis          | legalBases: [pdpa-24-6] | legalBases: [pdpa-24-9] | agreement 'AGR-OLD': unknown legal basis 'pdpa-24-9'
            purpose the service lacks    | purposes: [welfare-eligibility]\\n    legalBases: [pdpa-24-6] | purposes: [tax-administration, nonsense]\\n    legalBases: [pdpa-24-6] | agreement 'AGR-OLD': unknown purpose 'nonsense'
            consumer without role        | consumer: SSO/benefits-system | consumer: HUB/audit-console | client 'HUB/audit-console' does not have the consumer role
            secret that is not bcrypt    | roles: [auditor]} | roles: [auditor], secretHash: plain-text} | secretHash is not a bcrypt hash
            dates reversed               | validUntil: 2025-12-31 | validUntil: 2022-12-31 | agreement 'AGR-OLD': validUntil is before validFrom
            unknown role                 | roles: [auditor] | roles: [superuser] | unknown role 'superuser'
            bad agency code              | code: RD, | code: rd, | agency 'rd': code must match
            subject field not in request | subjectField: citizenId | subjectField: pid | subjectField 'pid' is not a field of the request schema
            26-5 without legal reference | legalBases: [pdpa-24-6]\\n    legalReference: Social Security Act B.E. 2533 | legalBases: [pdpa-26-5] | agreement 'AGR-OLD': legalReference (the act and section giving the mandate) is required for pdpa-24-4, pdpa-24-6 and pdpa-26-5
            bad data category            | dataCategories: [identity, address] | dataCategories: [Identity!] | data category 'Identity!' must match
            """)
    void reportsAClearMessage(String what, String replace, String with, String expected) {
        String text = TestCatalogs.text();
        String from = replace.replace("\\n", "\n");
        assertThat(text).as("test row must change the catalog").contains(from);
        String broken = text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(with == null ? "" : with.replace("\\n", "\n")));
        assertThatThrownBy(() -> TestCatalogs.loader().load("broken.yaml", broken))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String broken = TestCatalogs.text().replace("gender: personal", "gender: secret")
                .replace("releasedFields: [citizenId]", "releasedFields: [salary]");
        assertThatThrownBy(() -> TestCatalogs.loader().load("broken.yaml", broken))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void aSettingWithoutAValueIsReportedNotACrash() {
        String broken = TestCatalogs.text().replace("connector: {kind: test, timeout: 2s}",
                "connector:\n      kind: test\n      settings:\n        broken:");
        assertThatThrownBy(() -> TestCatalogs.loader().load("broken.yaml", broken))
                .isInstanceOf(CatalogException.class).hasMessageContaining("broken is not a setting of the test kind");
    }

    @Test
    void unreadableYamlAndUnknownKeysAreReported() {
        assertThatThrownBy(() -> TestCatalogs.loader().load("x.yaml", "services: [ {"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("not readable as a catalog");
        assertThatThrownBy(() -> TestCatalogs.loader().load("x.yaml", "servicez: []"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("not readable as a catalog");
    }
}

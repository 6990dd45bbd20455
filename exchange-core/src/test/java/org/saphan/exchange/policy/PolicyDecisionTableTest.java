package org.saphan.exchange.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.consent.ConsentRecord;
import org.saphan.exchange.consent.ConsentStatus;
import org.saphan.schemas.FieldClass;
import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ServiceId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDPA decision table. Every expected outcome below is written by hand from the Act (s.19 consent,
 * s.24 lawful bases, s.26 sensitive data) and the Data Exchange Standard's codes; none is computed by
 * the engine. Columns: agreement (what it lists), purpose, claimed basis, consent state, what the
 * agreement would release, expected code, expected legal reference in the decision.
 */
class PolicyDecisionTableTest {

    private static final Instant NOW = Instant.parse("2026-06-01T03:00:00Z");
    private static final ServiceId SERVICE = ServiceId.parse("MSDHS/disability-status/v1");
    private static final Set<String> SERVICE_CATEGORIES = Set.of("identity", "disability");
    private static final String SUBJECT = "ref-of-the-subject";
    private static final String WELFARE_ACT = "Social Welfare Promotion Act B.E. 2546";
    private static final String DISABILITY_ACT = "Persons with Disabilities Empowerment Act B.E. 2550, s.20";

    private final PolicyEngine engine = new PolicyEngine();

    @ParameterizedTest(name = "[{index}] {0} | {1} | {2} | consent {3} | {4} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # agreement       | purpose     | basis            | consent                | fields    | expected                  | legal reference
            # s.19: consent, checked against the record
            consent-only      | welfare     | consent          | valid                  | personal  | ok                        | -
            consent-only      | welfare     | consent          | none                   | personal  | consent-required          | -
            consent-only      | welfare     | consent          | unknown                | personal  | consent-invalid           | -
            consent-only      | welfare     | consent          | withdrawn              | personal  | consent-invalid           | -
            consent-only      | welfare     | consent          | expired                | personal  | consent-invalid           | -
            consent-only      | welfare     | consent          | expires-now            | personal  | consent-invalid           | -
            consent-only      | welfare     | consent          | not-yet-given          | personal  | consent-invalid           | -
            consent-only      | welfare     | consent          | other-subject          | personal  | consent-invalid           | -
            consent-only      | welfare     | consent          | other-agency           | personal  | consent-invalid           | -
            consent-only      | welfare     | consent          | other-purpose          | personal  | consent-invalid           | -
            consent-only      | welfare     | consent          | other-service          | personal  | consent-invalid           | -
            consent-only      | welfare     | consent          | all-categories         | personal  | ok                        | -
            consent-only      | welfare     | consent          | some-categories        | personal  | consent-invalid           | -
            consent-only      | welfare     | consent          | store-down             | personal  | hub-unavailable           | -
            consent-only      | tax         | consent          | valid                  | personal  | purpose-not-allowed       | -
            consent-only      | welfare     | pdpa-24-4        | none                   | personal  | legal-basis-not-allowed   | -
            # s.26: sensitive fields need explicit consent or an exception; refused whole, never trimmed
            consent-only      | welfare     | consent          | valid                  | sensitive | explicit-consent-required | -
            consent-only      | welfare     | consent          | valid-explicit         | sensitive | explicit-consent-required | -
            consent-only      | welfare     | consent          | unknown                | sensitive | explicit-consent-required | -
            consent-only      | welfare     | explicit-consent | valid-explicit         | sensitive | legal-basis-not-allowed   | -
            explicit          | welfare     | explicit-consent | valid-explicit         | sensitive | ok                        | -
            explicit          | welfare     | explicit-consent | valid                  | sensitive | explicit-consent-required | -
            explicit          | welfare     | explicit-consent | withdrawn-explicit     | sensitive | consent-invalid           | -
            explicit          | welfare     | explicit-consent | expired-explicit       | sensitive | consent-invalid           | -
            explicit          | welfare     | explicit-consent | other-subject-explicit | sensitive | consent-invalid           | -
            explicit          | welfare     | explicit-consent | all-categories-explicit| sensitive | ok                        | -
            explicit          | welfare     | explicit-consent | none                   | sensitive | consent-required          | -
            explicit          | welfare     | explicit-consent | store-down             | sensitive | hub-unavailable           | -
            explicit          | welfare     | explicit-consent | valid-explicit         | personal  | ok                        | -
            explicit          | welfare     | consent          | valid                  | personal  | ok                        | -
            explicit          | welfare     | consent          | valid-explicit         | sensitive | explicit-consent-required | -
            # s.24: allowed only when the agreement lists the basis; (4) and (6) carry their law
            public-task       | welfare     | pdpa-24-4        | none                   | personal  | ok                        | Social Welfare Promotion Act B.E. 2546
            public-task       | welfare     | pdpa-24-6        | none                   | personal  | ok                        | Social Welfare Promotion Act B.E. 2546
            public-task       | welfare     | pdpa-24-4        | withdrawn              | personal  | ok                        | Social Welfare Promotion Act B.E. 2546
            public-task       | welfare     | pdpa-24-4        | none                   | sensitive | explicit-consent-required | -
            public-task       | welfare     | pdpa-24-5        | none                   | personal  | legal-basis-not-allowed   | -
            public-task       | welfare     | pdpa-24-2        | none                   | personal  | legal-basis-not-allowed   | -
            public-task       | welfare     | consent          | valid                  | personal  | legal-basis-not-allowed   | -
            public-task       | welfare     | -                | none                   | personal  | invalid-request           | -
            public-task       | tax         | pdpa-24-4        | none                   | personal  | purpose-not-allowed       | -
            public-task-noref | welfare     | pdpa-24-4        | none                   | personal  | legal-basis-not-allowed   | -
            contract          | welfare     | pdpa-24-3        | none                   | personal  | ok                        | -
            contract          | welfare     | pdpa-24-3        | none                   | sensitive | explicit-consent-required | -
            # s.26 exceptions the agreement lists
            s26-5             | welfare     | pdpa-26-5        | none                   | sensitive | ok                        | Persons with Disabilities Empowerment Act B.E. 2550, s.20
            s26-5             | welfare     | pdpa-26-5        | none                   | personal  | ok                        | Persons with Disabilities Empowerment Act B.E. 2550, s.20
            s26-5             | welfare     | pdpa-24-4        | none                   | sensitive | explicit-consent-required | -
            s26-5             | welfare     | pdpa-24-4        | none                   | personal  | ok                        | Persons with Disabilities Empowerment Act B.E. 2550, s.20
            s26-5             | welfare     | pdpa-26-1        | none                   | sensitive | legal-basis-not-allowed   | -
            s26-5             | welfare     | explicit-consent | valid-explicit         | sensitive | legal-basis-not-allowed   | -
            s26-5-noref       | welfare     | pdpa-26-5        | none                   | sensitive | legal-basis-not-allowed   | -
            s26-1             | welfare     | pdpa-26-1        | none                   | sensitive | ok                        | -
            # public (non-personal) data sets need no legal basis at all
            open-data         | welfare     | -                | none                   | public    | ok                        | -
            open-data         | welfare     | pdpa-24-5        | none                   | public    | ok                        | -
            open-data         | tax         | -                | none                   | public    | purpose-not-allowed       | -
            consent-only      | welfare     | -                | none                   | public    | ok                        | -
            consent-only      | welfare     | consent          | store-down             | public    | ok                        | -
            open-data         | welfare     | -                | none                   | personal  | invalid-request           | -
            """)
    void decides(String agreement, String purpose, String basis, String consent, String fields,
                 String expected, String legalReference) {
        PolicyDecision decision = engine.decide(new PolicyRequest(agreement(agreement), SERVICE_CATEGORIES,
                fields(fields), purpose(purpose), basis == null ? null : LegalBasis.fromCode(basis).orElseThrow(),
                consentId(consent), lookup(consent), SUBJECT, NOW));

        assertThat(decision.reasonCode()).isEqualTo(expected);
        assertThat(decision.permitted()).isEqualTo("ok".equals(expected));
        assertThat(decision.legalReference()).isEqualTo(legalReference);
        if (decision.permitted() && basis != null && basis.endsWith("consent") && !"public".equals(fields)) {
            assertThat(decision.consentId()).isEqualTo("consent-1");
        }
        if (!decision.permitted()) {
            assertThat(decision.detail()).isNotBlank().doesNotContain(SUBJECT);
        }
    }

    private static Agreement agreement(String kind) {
        return switch (kind) {
            case "consent-only" -> bases(null, LegalBasis.CONSENT);
            case "explicit" -> bases(null, LegalBasis.CONSENT, LegalBasis.EXPLICIT_CONSENT);
            case "public-task" -> bases(WELFARE_ACT, LegalBasis.PDPA_24_4, LegalBasis.PDPA_24_6);
            case "public-task-noref" -> bases(null, LegalBasis.PDPA_24_4);
            case "contract" -> bases(null, LegalBasis.PDPA_24_3);
            case "s26-5" -> bases(DISABILITY_ACT, LegalBasis.PDPA_26_5, LegalBasis.PDPA_24_4);
            case "s26-5-noref" -> bases(" ", LegalBasis.PDPA_26_5);
            case "s26-1" -> bases(null, LegalBasis.PDPA_26_1);
            case "open-data" -> bases(null);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static Agreement bases(String legalReference, LegalBasis... bases) {
        Set<LegalBasis> set = bases.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(bases));
        return new Agreement("AGR-T", "MSDHS/welfare-portal", SERVICE, Set.of("welfare-eligibility"), set,
                legalReference, List.of("citizenId"), LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31),
                null, null, "5 years");
    }

    private static String purpose(String shortName) {
        return "tax".equals(shortName) ? "tax-administration" : "welfare-eligibility";
    }

    private static Map<String, FieldClass> fields(String kind) {
        return switch (kind) {
            case "public" -> Map.of("officeName", FieldClass.PUBLIC, "cardColour", FieldClass.PUBLIC);
            case "personal" -> Map.of("citizenId", FieldClass.PERSONAL, "officeName", FieldClass.PUBLIC);
            case "sensitive" -> Map.of("citizenId", FieldClass.PERSONAL, "disabilityType", FieldClass.SENSITIVE);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String consentId(String state) {
        return "none".equals(state) ? null : "consent-1";
    }

    private static ConsentLookup lookup(String state) {
        boolean explicit = state.endsWith("-explicit");
        String s = explicit ? state.substring(0, state.length() - "-explicit".length()) : state;
        Instant dayAgo = NOW.minus(Duration.ofDays(1));
        Instant inAYear = NOW.plus(Duration.ofDays(365));
        return switch (s) {
            case "none" -> ConsentLookup.notAsked();
            case "unknown" -> ConsentLookup.notFound();
            case "store-down" -> ConsentLookup.storeUnavailable();
            case "valid" -> found(SUBJECT, "MSDHS", "welfare-eligibility", Set.of(SERVICE.toString()), Set.of(), explicit,
                    dayAgo, inAYear, ConsentStatus.GIVEN);
            case "withdrawn" -> found(SUBJECT, "MSDHS", "welfare-eligibility", Set.of(SERVICE.toString()), Set.of(), explicit,
                    dayAgo, inAYear, ConsentStatus.WITHDRAWN);
            case "expired" -> found(SUBJECT, "MSDHS", "welfare-eligibility", Set.of(SERVICE.toString()), Set.of(), explicit,
                    NOW.minus(Duration.ofDays(400)), NOW.minusSeconds(1), ConsentStatus.GIVEN);
            case "expires-now" -> found(SUBJECT, "MSDHS", "welfare-eligibility", Set.of(SERVICE.toString()), Set.of(), explicit,
                    dayAgo, NOW, ConsentStatus.GIVEN);
            case "not-yet-given" -> found(SUBJECT, "MSDHS", "welfare-eligibility", Set.of(SERVICE.toString()), Set.of(), explicit,
                    NOW.plusSeconds(60), inAYear, ConsentStatus.GIVEN);
            case "other-subject" -> found("ref-of-someone-else", "MSDHS", "welfare-eligibility", Set.of(SERVICE.toString()),
                    Set.of(), explicit, dayAgo, inAYear, ConsentStatus.GIVEN);
            case "other-agency" -> found(SUBJECT, "RD", "welfare-eligibility", Set.of(SERVICE.toString()), Set.of(), explicit,
                    dayAgo, inAYear, ConsentStatus.GIVEN);
            case "other-purpose" -> found(SUBJECT, "MSDHS", "tax-administration", Set.of(SERVICE.toString()), Set.of(), explicit,
                    dayAgo, inAYear, ConsentStatus.GIVEN);
            case "other-service" -> found(SUBJECT, "MSDHS", "welfare-eligibility", Set.of("DOPA/citizen-profile/v1"), Set.of(),
                    explicit, dayAgo, inAYear, ConsentStatus.GIVEN);
            case "all-categories" -> found(SUBJECT, "MSDHS", "welfare-eligibility", Set.of(), Set.of("identity", "disability"),
                    explicit, dayAgo, null, ConsentStatus.GIVEN);
            case "some-categories" -> found(SUBJECT, "MSDHS", "welfare-eligibility", Set.of(), Set.of("disability"),
                    explicit, dayAgo, null, ConsentStatus.GIVEN);
            default -> throw new IllegalArgumentException(state);
        };
    }

    private static ConsentLookup found(String subject, String agency, String purpose, Set<String> services,
                                       Set<String> categories, boolean explicit, Instant givenAt, Instant expiresAt,
                                       ConsentStatus status) {
        return ConsentLookup.found(new ConsentRecord("consent-1", subject, agency, Set.of(purpose), services, categories,
                explicit, givenAt, expiresAt, status, status == ConsentStatus.WITHDRAWN ? NOW.minusSeconds(5) : null,
                "citizen-portal-web", "https://example.test/notice", "1.0", 3));
    }
}

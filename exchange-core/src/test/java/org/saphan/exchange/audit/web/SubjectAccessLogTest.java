package org.saphan.exchange.audit.web;

import org.junit.jupiter.api.Test;
import org.saphan.exchange.audit.AuditRecord;
import org.saphan.exchange.audit.AuditStore;
import org.saphan.exchange.audit.ChainedAuditLog;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.catalog.Role;
import org.saphan.exchange.testing.TestCatalogs;
import org.saphan.exchange.web.ProblemException;
import org.saphan.exchange.web.RoleGuard;
import org.saphan.schemas.ClientSystemId;
import org.saphan.security.secrets.SubjectReferences;
import org.springframework.mock.web.MockHttpServletRequest;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The citizen's own view: plain words, newest first, embargoed entries hidden until their day. */
class SubjectAccessLogTest {

    static final String CITIZEN = "1103000123455";
    static final SubjectReferences SUBJECTS = new SubjectReferences(new byte[32]);
    static final String EMBARGOED_AGREEMENT = """
              - id: AGR-RD-INVESTIGATION
                consumer: RD/tax-audit
                service: DOPA/citizen-profile/v1
                purposes: [tax-administration]
                legalBases: [pdpa-24-4]
                legalReference: Revenue Code s.19
                releasedFields: [citizenId]
                validFrom: 2026-01-01
                validUntil: 2028-12-31
                embargoUntil: %s
            """;

    @Test
    void showsWhoWhenWhatAndWhyNewestFirstAndHidesEmbargoedEntries() {
        DataSource ds = org.saphan.exchange.audit.AuditTestDatabases.freshH2();
        try (ChainedAuditLog log = new ChainedAuditLog(ds, "n1", 10, 10, Duration.ofSeconds(5))) {
            log.record(record("MSDHS/welfare-portal", "welfare-eligibility", Instant.parse("2026-03-01T09:00:00Z")));
            log.record(record("RD/tax-audit", "tax-administration", Instant.parse("2026-04-01T09:00:00Z")));
            log.record(record("MSDHS/welfare-portal", "welfare-eligibility", Instant.parse("2026-05-01T09:00:00Z")));
        }
        Clock july = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);

        List<Map<String, Object>> during = entries(ds, catalog("2026-12-31"), july);
        assertThat(during).hasSize(2).extracting(e -> e.get("at"))
                .containsExactly("2026-05-01T09:00:00Z", "2026-03-01T09:00:00Z");
        Map<String, Object> newest = during.get(0);
        assertThat(newest.get("outcome")).isEqualTo("released");
        assertThat(newest.get("summaryEn")).isEqualTo("MSDHS received Citizen profile, for: Welfare eligibility.");
        assertThat(newest.get("summaryTh")).isEqualTo("พม. ได้รับข้อมูลบุคคล เพื่อตรวจสอบสิทธิ");
        assertThat(newest.get("system")).isEqualTo(Map.of("id", "MSDHS/welfare-portal", "name", "portal"));
        assertThat(newest.get("purpose")).isEqualTo(Map.of("code", "welfare-eligibility", "titleTh", "ตรวจสอบสิทธิ",
                "titleEn", "Welfare eligibility"));

        // once the embargo day has passed, the Revenue Department's look-up shows
        List<Map<String, Object>> after = entries(ds, catalog("2026-06-30"), july);
        assertThat(after).hasSize(3);
        assertThat(after.get(1).get("summaryEn")).isEqualTo("RD received Citizen profile, for: Tax administration.");
    }

    @Test
    void refusesOtherRolesAndMalformedIdsWithoutRepeatingThem() {
        DataSource ds = org.saphan.exchange.audit.AuditTestDatabases.freshH2();
        SubjectAccessLogController auditorOnly = controller(ds, catalog("2026-12-31"), Clock.systemUTC(), Role.AUDITOR);
        assertThatThrownBy(() -> auditorOnly.accessLog(new MockHttpServletRequest(), CITIZEN, null, null))
                .isInstanceOf(ProblemException.class).hasMessageContaining("subject-portal");
        SubjectAccessLogController portal = controller(ds, catalog("2026-12-31"), Clock.systemUTC(), Role.SUBJECT_PORTAL);
        assertThatThrownBy(() -> portal.accessLog(new MockHttpServletRequest(), "1103000123456", null, null))
                .isInstanceOf(ProblemException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain("1103000123456"));
        assertThatThrownBy(() -> portal.accessLog(new MockHttpServletRequest(), CITIZEN, "not-a-cursor", null))
                .isInstanceOf(ProblemException.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(DataSource ds, Catalog catalog, Clock clock) {
        Map<String, Object> body = controller(ds, catalog, clock, Role.SUBJECT_PORTAL)
                .accessLog(new MockHttpServletRequest(), CITIZEN, null, null);
        return (List<Map<String, Object>>) body.get("entries");
    }

    private static SubjectAccessLogController controller(DataSource ds, Catalog catalog, Clock clock, Role role) {
        ClientSystem caller = new ClientSystem(ClientSystemId.parse("DGA/citizen-portal"), "portal", Set.of(role), null);
        RoleGuard guard = new RoleGuard(request -> Optional.of(caller));
        return new SubjectAccessLogController(new AuditStore(ds), SUBJECTS, () -> catalog, clock, guard);
    }

    private static Catalog catalog(String embargoUntil) {
        return TestCatalogs.loader().load("test-catalog.yaml", TestCatalogs.text() + EMBARGOED_AGREEMENT.formatted(embargoUntil));
    }

    private static AuditRecord record(String consumer, String purpose, Instant at) {
        return new AuditRecord(UUID.randomUUID().toString(), null, at, "n1", consumer, "3100600123450",
                "DOPA/citizen-profile/v1", SUBJECTS.of(CITIZEN), purpose, "pdpa-24-4", null, null, AuditRecord.PERMIT,
                AuditRecord.OK, 200, List.of("citizenId"), 10, null);
    }
}

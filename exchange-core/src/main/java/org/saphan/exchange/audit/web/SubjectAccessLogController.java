package org.saphan.exchange.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import org.saphan.exchange.audit.AuditLog;
import org.saphan.exchange.audit.AuditQuery;
import org.saphan.exchange.audit.AuditRecord;
import org.saphan.exchange.audit.AuditStore;
import org.saphan.exchange.catalog.Agency;
import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.catalog.Purpose;
import org.saphan.exchange.catalog.Role;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.saphan.exchange.web.ProblemException;
import org.saphan.exchange.web.RoleGuard;
import org.saphan.schemas.ProblemCode;
import org.saphan.schemas.ServiceId;
import org.saphan.security.secrets.SubjectReferences;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/subjects/{citizenId}/access-log}: a citizen's own view of who looked them up,
 * when, for what and why, in plain words, newest first, for the {@code subject-portal} role. Entries
 * under an agreement with an embargo (law enforcement) stay hidden until the embargo day has passed.
 * A page may hold fewer entries than {@code limit} when some were hidden; follow {@code next}.
 */
@RestController
public class SubjectAccessLogController {

    private final AuditStore store;
    private final SubjectReferences subjects;
    private final Supplier<Catalog> catalog;
    private final Clock clock;
    private final RoleGuard guard;

    public SubjectAccessLogController(AuditStore store, SubjectReferences subjects, Supplier<Catalog> catalog,
                                      Clock clock, RoleGuard guard) {
        this.store = store;
        this.subjects = subjects;
        this.catalog = catalog;
        this.clock = clock;
        this.guard = guard;
    }

    @GetMapping(value = "/api/v1/subjects/{citizenId}/access-log", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> accessLog(HttpServletRequest request, @PathVariable String citizenId,
                                         @RequestParam(required = false) String cursor,
                                         @RequestParam(required = false) Integer limit) {
        guard.require(request, Role.SUBJECT_PORTAL);
        String subject = subjects.of(AuditParameters.citizenId(citizenId));
        AuditStore.Page page;
        try {
            page = store.search(AuditQuery.bySubject(subject), AuditParameters.cursor(cursor), AuditParameters.limit(limit));
        } catch (AuditLog.AuditUnavailableException e) {
            // handled here so that no generic handler logs this path, which holds a citizen ID
            throw new ProblemException(ProblemCode.HUB_UNAVAILABLE, "The access log cannot be read now. Try again later.");
        }
        Catalog now = catalog.get();
        LocalDate today = LocalDate.now(clock);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (AuditStore.Row row : page.rows()) {
            AuditRecord r = row.entry().record();
            if (!embargoed(now, r, today)) {
                entries.add(entry(now, r));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", entries);
        body.put("next", page.next() == null ? null : page.next().encode());
        return body;
    }

    private static boolean embargoed(Catalog catalog, AuditRecord r, LocalDate today) {
        Optional<ServiceId> service = serviceId(r.service());
        if (r.consumer() == null || service.isEmpty()) {
            return false;
        }
        LocalDate day = r.recordedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        // every agreement of this consumer and service in force that day: any embargo hides the entry
        return catalog.agreementsFor(r.consumer(), service.get()).stream()
                .filter(a -> a.inForceOn(day))
                .map(Agreement::embargoUntil)
                .anyMatch(until -> until != null && until.isAfter(today));
    }

    private static Optional<ServiceId> serviceId(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ServiceId.parse(value));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> entry(Catalog catalog, AuditRecord r) {
        Optional<ClientSystem> system = catalog.client(r.consumer());
        String agencyCode = system.map(ClientSystem::agency)
                .orElse(r.consumer() == null ? null : r.consumer().split("/", 2)[0]);
        Optional<Agency> agency = agencyCode == null ? Optional.empty() : catalog.agency(agencyCode);
        Optional<ServiceDefinition> service = serviceId(r.service()).flatMap(catalog::service);
        Optional<Purpose> purpose = r.purpose() == null ? Optional.empty() : catalog.purpose(r.purpose());
        boolean released = AuditRecord.PERMIT.equals(r.decision());

        String whoEn = agency.map(Agency::nameEn).orElse(agencyCode == null ? "An unidentified system" : agencyCode);
        String whoTh = agency.map(Agency::nameTh).orElse(agencyCode == null ? "ระบบที่ไม่ทราบชื่อ" : agencyCode);
        String whatEn = service.map(ServiceDefinition::titleEn).orElse("your data");
        String whatTh = service.map(ServiceDefinition::titleTh).orElse("ข้อมูลของท่าน");
        String whyEn = purpose.map(Purpose::titleEn).orElse(r.purpose());
        String whyTh = purpose.map(Purpose::titleTh).orElse(r.purpose());

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", r.recordedAt().toString());
        m.put("agency", agencyCode == null ? null : Map.of("code", agencyCode, "nameTh", whoTh, "nameEn", whoEn));
        m.put("system", system.map(s -> Map.of("id", s.id().toString(), "name", s.name())).orElse(null));
        m.put("service", service.map(s -> Map.of("id", s.id().toString(), "titleTh", s.titleTh(), "titleEn", s.titleEn()))
                .orElse(null));
        m.put("purpose", purpose.map(p -> Map.of("code", p.code(), "titleTh", p.titleTh(), "titleEn", p.titleEn()))
                .orElse(null));
        m.put("outcome", released ? "released" : "refused");
        m.put("summaryEn", released
                ? whoEn + " received " + whatEn + (whyEn == null ? "." : ", for: " + whyEn + ".")
                : whoEn + " asked for " + whatEn + (whyEn == null ? "" : ", for: " + whyEn) + ". The hub refused and sent nothing.");
        m.put("summaryTh", released
                ? whoTh + " ได้รับ" + whatTh + (whyTh == null ? "" : " เพื่อ" + whyTh)
                : whoTh + " ขอ" + whatTh + (whyTh == null ? "" : " เพื่อ" + whyTh) + " ระบบปฏิเสธและไม่ได้ส่งข้อมูล");
        return m;
    }
}

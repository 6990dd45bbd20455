package org.saphan.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.Role;
import org.saphan.schemas.LegalBasis;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The data sharing agreements, for operators: {@code GET /api/v1/agreements} (optionally
 * {@code ?consumer=} and {@code ?service=}) lists them with whether each is in force today;
 * {@code GET /api/v1/agreements/matrix} says which consumer may reach which service today.
 */
@RestController
public class AgreementsController {

    private final Supplier<Catalog> catalog;
    private final RoleGuard guard;
    private final Clock clock;

    public AgreementsController(Supplier<Catalog> catalog, RoleGuard guard, Clock clock) {
        this.catalog = catalog;
        this.guard = guard;
        this.clock = clock;
    }

    @GetMapping("/api/v1/agreements")
    public ResponseEntity<Map<String, Object>> agreements(@RequestParam(required = false) String consumer,
                                                          @RequestParam(required = false) String service,
                                                          HttpServletRequest http) {
        guard.require(http, Role.OPERATOR);
        LocalDate today = LocalDate.now(clock);
        List<Map<String, Object>> out = new ArrayList<>();
        catalog.get().agreements().stream()
                .filter(a -> consumer == null || a.consumer().equals(consumer))
                .filter(a -> service == null || a.service().toString().equals(service))
                .sorted(Comparator.comparing(Agreement::id))
                .forEach(a -> out.add(describe(a, today)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", today.toString());
        body.put("agreements", out);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @GetMapping("/api/v1/agreements/matrix")
    public ResponseEntity<Map<String, Object>> matrix(HttpServletRequest http) {
        guard.require(http, Role.OPERATOR);
        LocalDate today = LocalDate.now(clock);
        Map<String, TreeSet<String>> reach = new TreeMap<>();
        catalog.get().clients().stream().filter(c -> c.has(Role.CONSUMER))
                .forEach(c -> reach.put(c.id().toString(), new TreeSet<>()));
        catalog.get().agreements().stream().filter(a -> a.inForceOn(today))
                .forEach(a -> reach.computeIfAbsent(a.consumer(), k -> new TreeSet<>()).add(a.service().toString()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", today.toString());
        body.put("consumers", reach);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static Map<String, Object> describe(Agreement a, LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("consumer", a.consumer());
        m.put("service", a.service().toString());
        m.put("purposes", new TreeSet<>(a.purposes()));
        m.put("legalBases", a.legalBases().stream().map(LegalBasis::code).sorted().toList());
        m.put("legalReference", a.legalReference());
        m.put("releasedFields", a.releasedFields());
        m.put("validFrom", a.validFrom().toString());
        m.put("validUntil", a.validUntil().toString());
        m.put("inForce", a.inForceOn(today));
        if (a.quota() != null) {
            Map<String, Object> quota = new LinkedHashMap<>();
            quota.put("perMinute", a.quota().perMinute());
            quota.put("perDay", a.quota().perDay());
            m.put("quota", quota);
        }
        return m;
    }
}

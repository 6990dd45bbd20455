package org.saphan.exchange.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.catalog.Role;
import org.saphan.exchange.consent.ConsentEvent;
import org.saphan.exchange.consent.ConsentReceipts;
import org.saphan.exchange.consent.ConsentRecord;
import org.saphan.exchange.consent.ConsentRegistry;
import org.saphan.exchange.consent.ConsentStatus;
import org.saphan.schemas.CitizenId;
import org.saphan.schemas.Identifiers;
import org.saphan.schemas.ProblemCode;
import org.saphan.schemas.ServiceId;
import org.saphan.security.secrets.SubjectReferences;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The consent registry's API for a citizen portal ({@code subject-portal} role), acting for the citizen:
 * give, read, withdraw. Each answer carries a fresh receipt signed by the hub.
 */
@RestController
public class ConsentController {

    private static final int MAX_TEXT = 300;

    private final RoleGuard guard;
    private final ConsentRegistry registry;
    private final ConsentReceipts receipts;
    private final SubjectReferences subjects;
    private final Supplier<Catalog> catalog;
    private final Clock clock;

    public ConsentController(RoleGuard guard, ConsentRegistry registry, ConsentReceipts receipts,
                             SubjectReferences subjects, Supplier<Catalog> catalog, Clock clock) {
        this.guard = guard;
        this.registry = registry;
        this.receipts = receipts;
        this.subjects = subjects;
        this.catalog = catalog;
        this.clock = clock;
    }

    @PostMapping(value = "/api/v1/consents", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> give(@RequestBody JsonNode body, HttpServletRequest http) {
        ClientSystem portal = guard.require(http, Role.SUBJECT_PORTAL);
        if (body == null || !body.isObject()) {
            throw invalid("The body must be a JSON object.");
        }
        JsonNode citizen = body.get("citizenId");
        if (citizen == null || !citizen.isTextual() || !CitizenId.isValid(citizen.textValue())) {
            throw new ProblemException(ProblemCode.INVALID_CITIZEN_ID, "The citizen ID must be 13 digits with a valid check digit.");
        }
        Catalog c = catalog.get();
        String agency = text(body, "consumerAgency", true);
        if (!Identifiers.isAgency(agency) || c.agency(agency).isEmpty()) {
            throw invalid("consumerAgency must be an agency of the catalog.");
        }
        Set<String> purposes = codes(body, "purposes");
        if (purposes.isEmpty() || purposes.stream().anyMatch(p -> c.purpose(p).isEmpty())) {
            throw invalid("purposes must list one or more purposes of the catalog.");
        }
        Set<String> services = codes(body, "services");
        for (String s : services) {
            if (parseService(s).flatMap(c::service).isEmpty()) {
                throw invalid("services must list services of the catalog.");
            }
        }
        Set<String> categories = codes(body, "dataCategories");
        if (categories.stream().anyMatch(cat -> !Identifiers.isPurpose(cat))) {
            throw invalid("dataCategories must be category codes like disability.");
        }
        if (services.isEmpty() && categories.isEmpty()) {
            throw invalid("A consent must name services or data categories.");
        }
        JsonNode explicit = body.get("explicit");
        if (explicit != null && !explicit.isBoolean()) {
            throw invalid("explicit must be true or false.");
        }
        Instant now = clock.instant();
        Instant expiresAt = null;
        String expires = text(body, "expiresAt", false);
        if (expires != null) {
            try {
                expiresAt = Instant.parse(expires);
            } catch (DateTimeParseException e) {
                throw invalid("expiresAt must be an RFC 3339 time in UTC, like 2027-12-31T00:00:00Z.");
            }
            if (!expiresAt.isAfter(now)) {
                throw invalid("expiresAt must be in the future.");
            }
        }
        ConsentRecord record = new ConsentRecord(UUID.randomUUID().toString(), subjects.of(citizen.textValue()), agency,
                purposes, services, categories, explicit != null && explicit.booleanValue(), now, expiresAt,
                ConsentStatus.GIVEN, null, text(body, "collectionMethod", true), text(body, "noticeReference", true),
                text(body, "noticeVersion", true), 0);
        registry.give(record, portal.id().toString());
        return ResponseEntity.created(URI.create("/api/v1/consents/" + record.id())).body(answer(record, now));
    }

    @GetMapping(value = "/api/v1/consents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode read(@PathVariable String id, HttpServletRequest http) {
        guard.require(http, Role.SUBJECT_PORTAL);
        return answer(existing(id), clock.instant());
    }

    @PostMapping(value = "/api/v1/consents/{id}/withdraw", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode withdraw(@PathVariable String id, HttpServletRequest http) {
        ClientSystem portal = guard.require(http, Role.SUBJECT_PORTAL);
        existing(id);
        // withdrawing twice is harmless: the answer shows the record as it stands
        registry.withdraw(id, clock.instant(), portal.id().toString());
        return answer(existing(id), clock.instant());
    }

    private ConsentRecord existing(String id) {
        if (id == null || id.length() > 40) {
            throw new ProblemException(ProblemCode.NOT_FOUND, "No consent record has this id.");
        }
        return registry.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND, "No consent record has this id."));
    }

    private ObjectNode answer(ConsentRecord record, Instant now) {
        ObjectNode node = receipts.view(record, now);
        var history = node.putArray("history");
        for (ConsentEvent e : registry.history(record.id())) {
            history.addObject().put("event", e.event()).put("status", e.status().code()).put("at", e.at().toString())
                    .put("by", e.actor());
        }
        node.put("receipt", receipts.receiptFor(record, now));
        return node;
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw invalid(field + " is required.");
            }
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank() || v.textValue().length() > MAX_TEXT) {
            throw invalid(field + " must be a text of at most " + MAX_TEXT + " characters.");
        }
        return v.textValue();
    }

    private static Set<String> codes(JsonNode body, String field) {
        JsonNode v = body.get(field);
        Set<String> out = new LinkedHashSet<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw invalid(field + " must be a list.");
        }
        for (JsonNode item : v) {
            if (!item.isTextual() || item.textValue().length() > 80 || item.textValue().contains(",")) {
                throw invalid(field + " must list codes.");
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static java.util.Optional<ServiceId> parseService(String value) {
        try {
            return java.util.Optional.of(ServiceId.parse(value));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemCode.INVALID_REQUEST, detail);
    }
}

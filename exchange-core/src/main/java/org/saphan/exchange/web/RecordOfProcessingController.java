package org.saphan.exchange.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.catalog.Role;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.saphan.exchange.policy.ReleasedData;
import org.saphan.schemas.FieldClass;
import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ProblemCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/agreements/{id}/record-of-processing}: what PDPA s.39 asks a controller to record
 * about a processing, generated from the catalog's agreement and service so that it cannot drift from
 * what the hub actually enforces (the same field classes the PolicyEngine decides on). For operators and auditors.
 */
@RestController
public class RecordOfProcessingController {

    private final RoleGuard guard;
    private final Supplier<Catalog> catalog;
    private final ObjectMapper json;

    public RecordOfProcessingController(RoleGuard guard, Supplier<Catalog> catalog, ObjectMapper json) {
        this.guard = guard;
        this.catalog = catalog;
        this.json = json;
    }

    @GetMapping(value = "/api/v1/agreements/{id}/record-of-processing", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode recordOfProcessing(@PathVariable String id, HttpServletRequest http) {
        ClientSystem caller = auditorOrOperator(http);
        Catalog c = catalog.get();
        Agreement a = c.agreement(id).orElseThrow(() ->
                new ProblemException(ProblemCode.NOT_FOUND, "No agreement has this id."));
        ServiceDefinition service = c.service(a.service()).orElseThrow(() ->
                new ProblemException(ProblemCode.NOT_FOUND, "No agreement has this id."));
        ClientSystem consumer = c.client(a.consumer()).orElseThrow(() ->
                new ProblemException(ProblemCode.NOT_FOUND, "No agreement has this id."));

        ObjectNode root = json.createObjectNode();
        root.put("agreement", a.id());
        root.put("validFrom", a.validFrom().toString());
        root.put("validUntil", a.validUntil().toString());
        root.put("generatedFrom", "catalog");
        root.put("requestedBy", caller.id().toString());

        ArrayNode collected = root.putArray("dataCollected");
        Map<String, FieldClass> classes = ReleasedData.classes(a, service);
        classes.forEach((field, cls) -> collected.addObject().put("field", field).put("class", cls.code()));
        root.put("containsSensitiveData", classes.containsValue(FieldClass.SENSITIVE));
        service.dataCategories().stream().sorted().forEach(root.putArray("dataCategories")::add);

        ArrayNode purposes = root.putArray("purposes");
        a.purposes().stream().sorted().forEach(p -> {
            ObjectNode node = purposes.addObject().put("code", p);
            c.purpose(p).ifPresent(pp -> node.put("titleTh", pp.titleTh()).put("titleEn", pp.titleEn()));
        });

        ArrayNode bases = root.putArray("legalBases");
        a.legalBases().stream().sorted(Comparator.comparing(Enum::ordinal)).forEach(b -> {
            ObjectNode node = bases.addObject().put("code", b.code()).put("section", "PDPA " + b.section())
                    .put("meaning", b.meaning());
            if (!b.needsConsentRecord() && a.legalReference() != null) {
                node.put("legalReference", a.legalReference());
            }
            if (b.needsConsentRecord()) {
                node.put("consentRecord", b == LegalBasis.EXPLICIT_CONSENT ? "explicit consent record required"
                        : "consent record required");
            }
        });
        if (service.isPublicDataSet()) {
            root.put("legalBasisNote", "public data set: no personal data, no legal basis required");
        }
        root.put("retention", a.retention());

        ObjectNode access = root.putObject("whoMayAccess");
        access.put("consumerSystem", consumer.id().toString());
        access.put("consumerSystemName", consumer.name());
        access.put("consumerAgency", consumer.agency());
        c.agency(consumer.agency()).ifPresent(ag -> access.put("consumerAgencyName", ag.nameEn()));

        ObjectNode disclosure = root.putArray("disclosures").addObject();
        disclosure.put("from", service.provider());
        c.agency(service.provider()).ifPresent(ag -> disclosure.put("fromName", ag.nameEn()));
        disclosure.put("to", consumer.agency());
        disclosure.put("service", service.id().toString());
        disclosure.put("via", "Saphan exchange hub");
        return root;
    }

    /** Auditors and operators both read it: try one role, then the other (same refusal as RoleGuard's). */
    private ClientSystem auditorOrOperator(HttpServletRequest http) {
        try {
            return guard.require(http, Role.AUDITOR);
        } catch (ProblemException e) {
            if (e.code() != ProblemCode.ACCESS_DENIED) {
                throw e;
            }
            try {
                return guard.require(http, Role.OPERATOR);
            } catch (ProblemException again) {
                throw new ProblemException(ProblemCode.ACCESS_DENIED, "This endpoint needs the auditor or operator role.");
            }
        }
    }
}

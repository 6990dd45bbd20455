package org.saphan.exchange.audit.web;

import com.nimbusds.jose.jwk.JWKSet;
import jakarta.servlet.http.HttpServletRequest;
import org.saphan.exchange.audit.AuditQuery;
import org.saphan.exchange.audit.AuditRecord;
import org.saphan.exchange.audit.AuditStore;
import org.saphan.exchange.audit.chain.CanonicalForm;
import org.saphan.exchange.audit.chain.ChainBreak;
import org.saphan.exchange.audit.chain.ChainVerifier;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.catalog.Role;
import org.saphan.exchange.web.RoleGuard;
import org.saphan.security.secrets.SubjectReferences;
import org.saphan.security.signing.HubSigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's face of the access log ({@code auditor} role): search, streaming export, and
 * verification of the chains and checkpoints. Auditors search by citizen ID; the hub hashes it.
 */
@RestController
public class AuditController {

    private static final Logger LOG = LoggerFactory.getLogger(AuditController.class);
    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final AuditStore store;
    private final SubjectReferences subjects;
    private final HubSigningKeys keys;
    private final RoleGuard guard;

    public AuditController(AuditStore store, SubjectReferences subjects, HubSigningKeys keys, RoleGuard guard) {
        this.store = store;
        this.subjects = subjects;
        this.keys = keys;
        this.guard = guard;
    }

    @GetMapping(value = "/api/v1/audit/records", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> records(HttpServletRequest request,
                                       @RequestParam(required = false) String subject,
                                       @RequestParam(required = false) String consumer,
                                       @RequestParam(required = false) String service,
                                       @RequestParam(required = false) String officer,
                                       @RequestParam(required = false) String decision,
                                       @RequestParam(required = false) String legalBasis,
                                       @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(required = false) Integer limit) {
        guard.require(request, Role.AUDITOR);
        Instant start = AuditParameters.time("from", from);
        Instant end = AuditParameters.time("to", to);
        AuditParameters.range(start, end);
        AuditQuery query = new AuditQuery(
                subject == null || subject.isEmpty() ? null : subjects.of(AuditParameters.citizenId(subject)),
                AuditParameters.code("consumer", consumer), AuditParameters.code("service", service),
                AuditParameters.code("officer", officer), AuditParameters.decision(decision),
                AuditParameters.code("legalBasis", legalBasis), start, end);
        AuditStore.Page page = store.search(query, AuditParameters.cursor(cursor), AuditParameters.limit(limit));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("records", page.rows().stream().map(AuditController::json).toList());
        body.put("next", page.next() == null ? null : page.next().encode());
        return body;
    }

    @GetMapping("/api/v1/audit/export")
    public ResponseEntity<StreamingResponseBody> export(HttpServletRequest request,
                                                        @RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to,
                                                        @RequestParam(required = false, defaultValue = "ndjson") String format) {
        ClientSystem auditor = guard.require(request, Role.AUDITOR);
        Instant start = AuditParameters.time("from", from);
        Instant end = AuditParameters.time("to", to);
        AuditParameters.range(start, end);
        if (!format.equals("ndjson") && !format.equals("csv")) {
            throw AuditParameters.invalid("'format' is ndjson or csv.");
        }
        LOG.info("access-log export: by={} format={} from={} to={}", auditor.id(), format, start, end);
        boolean csv = format.equals("csv");
        StreamingResponseBody body = csv
                ? out -> {
                    BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    writer.write(AuditStore.CSV_HEADER);
                    store.forEach(start, end, e -> AuditStore.csvRow(writer, e));
                    writer.flush();
                }
                : out -> store.exportNdjson(start, end, out);
        String name = "saphan-audit" + (start == null ? "" : "-from-" + start.getEpochSecond())
                + (end == null ? "" : "-to-" + end.getEpochSecond()) + "." + format;
        return ResponseEntity.ok().contentType(csv ? CSV : NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }

    @GetMapping(value = "/api/v1/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> verify(HttpServletRequest request) throws java.text.ParseException {
        guard.require(request, Role.AUDITOR);
        ChainVerifier.Report report = store.verify(JWKSet.parse(keys.jwksJson()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", report.ok());
        body.put("records", report.records());
        body.put("checkpoints", report.checkpoints());
        body.put("nodes", report.nodes());
        body.put("breaks", report.breaks().stream().map(AuditController::json).toList());
        return body;
    }

    static Map<String, Object> json(ChainBreak b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", b.kind().code());
        m.put("node", b.node());
        m.put("seq", b.seq());
        m.put("exchangeId", b.exchangeId());
        m.put("checkpointId", b.checkpointId() < 0 ? null : b.checkpointId());
        m.put("detail", b.detail());
        return m;
    }

    private static Map<String, Object> json(AuditStore.Row row) {
        AuditRecord r = row.entry().record();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exchangeId", r.exchangeId());
        m.put("requestId", r.requestId());
        m.put("recordedAt", CanonicalForm.formatTime(r.recordedAt()));
        m.put("hubNode", r.hubNode());
        m.put("nodeSeq", row.entry().nodeSeq());
        m.put("consumer", r.consumer());
        m.put("officer", r.officer());
        m.put("service", r.service());
        m.put("subjectRef", r.subjectRef());
        m.put("purpose", r.purpose());
        m.put("legalBasis", r.legalBasis());
        m.put("legalReference", r.legalReference());
        m.put("consentId", r.consentId());
        m.put("decision", r.decision());
        m.put("reasonCode", r.reasonCode());
        m.put("httpStatus", r.httpStatus());
        m.put("fieldsReleased", List.copyOf(r.fieldsReleased()));
        m.put("providerLatencyMs", r.providerLatencyMs());
        m.put("recordHash", row.entry().recordHash());
        return m;
    }
}

package org.saphan.exchange.audit.chain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import org.saphan.exchange.audit.AuditRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The export and archive file format: UTF-8, one JSON object per line, each with a {@code type}.
 * First a {@code header} line, then {@code anchor} and {@code checkpoint} lines, then {@code record}
 * lines in ascending seq per node. The same file can be verified offline ({@link #verify}).
 */
public final class AuditNdjson {

    public static final String FORMAT = "saphan-audit-export-v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final JsonGenerator json;
    private final Writer out;

    public AuditNdjson(Writer out) throws IOException {
        this.out = out;
        this.json = FACTORY.createGenerator(out);
        this.json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        this.json.setRootValueSeparator(null);
    }

    /** @param range true when the file holds a time range rather than whole chains */
    public void header(Instant from, Instant to, boolean range) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "header");
        json.writeStringField("format", FORMAT);
        json.writeStringField("from", from == null ? null : from.toString());
        json.writeStringField("to", to == null ? null : to.toString());
        json.writeBooleanField("range", range);
        json.writeEndObject();
        newline();
    }

    public void anchor(ChainAnchor a) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "anchor");
        json.writeStringField("node", a.node());
        json.writeNumberField("seq", a.seq());
        json.writeStringField("hash", a.hash());
        json.writeStringField("archiveFile", a.archiveFile());
        json.writeEndObject();
        newline();
    }

    public void checkpoint(Checkpoint c) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "checkpoint");
        json.writeNumberField("id", c.id());
        json.writeStringField("node", c.node());
        json.writeNumberField("seq", c.seq());
        json.writeStringField("hash", c.hash());
        json.writeStringField("jws", c.jws());
        json.writeEndObject();
        newline();
    }

    public void record(ChainEntry e) throws IOException {
        AuditRecord r = e.record();
        json.writeStartObject();
        json.writeStringField("type", "record");
        json.writeStringField("hubNode", r.hubNode());
        json.writeNumberField("nodeSeq", e.nodeSeq());
        json.writeStringField("exchangeId", r.exchangeId());
        json.writeStringField("requestId", r.requestId());
        json.writeStringField("recordedAt", CanonicalForm.formatTime(r.recordedAt()));
        json.writeStringField("consumer", r.consumer());
        json.writeStringField("officer", r.officer());
        json.writeStringField("service", r.service());
        json.writeStringField("subjectRef", r.subjectRef());
        json.writeStringField("purpose", r.purpose());
        json.writeStringField("legalBasis", r.legalBasis());
        json.writeStringField("legalReference", r.legalReference());
        json.writeStringField("consentId", r.consentId());
        json.writeStringField("decision", r.decision());
        json.writeStringField("reasonCode", r.reasonCode());
        json.writeNumberField("httpStatus", r.httpStatus());
        json.writeArrayFieldStart("fieldsReleased");
        for (String f : r.fieldsReleased()) {
            json.writeString(f);
        }
        json.writeEndArray();
        json.writeNumberField("providerLatencyMs", r.providerLatencyMs());
        json.writeStringField("correlationId", r.correlationId());
        json.writeStringField("prevHash", e.prevHash());
        json.writeStringField("recordHash", e.recordHash());
        json.writeEndObject();
        newline();
    }

    private void newline() throws IOException {
        json.flush();
        out.write('\n');
    }

    public void flush() throws IOException {
        json.flush();
        out.flush();
    }

    public static AuditNdjson on(OutputStream out) throws IOException {
        return new AuditNdjson(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /** Verifies an export or archive file, streaming it line by line. */
    public static ChainVerifier.Report verify(Path file, JWKSet jwks) throws IOException {
        ChainVerifier verifier = null;
        List<Checkpoint> pendingCheckpoints = new ArrayList<>();
        List<ChainAnchor> pendingAnchors = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                String type = n.path("type").asText();
                switch (type) {
                    case "header" -> {
                        if (!FORMAT.equals(n.path("format").asText())) {
                            throw new IOException("line " + number + ": not a " + FORMAT + " file");
                        }
                        verifier = new ChainVerifier(jwks, n.path("range").asBoolean(false));
                    }
                    case "anchor" -> pendingAnchors.add(new ChainAnchor(text(n, "node"), n.path("seq").asLong(),
                            text(n, "hash"), text(n, "archiveFile")));
                    case "checkpoint" -> pendingCheckpoints.add(new Checkpoint(n.path("id").asLong(), text(n, "node"),
                            n.path("seq").asLong(), text(n, "hash"), text(n, "jws")));
                    case "record" -> {
                        if (verifier == null) {
                            throw new IOException("line " + number + ": record before the header");
                        }
                        if (!pendingAnchors.isEmpty() || !pendingCheckpoints.isEmpty()) {
                            pendingAnchors.forEach(verifier::anchor);
                            pendingCheckpoints.forEach(verifier::checkpoint);
                            pendingAnchors.clear();
                            pendingCheckpoints.clear();
                        }
                        verifier.accept(entry(n));
                    }
                    default -> throw new IOException("line " + number + ": unknown type");
                }
            }
        }
        if (verifier == null) {
            throw new IOException("no header line: not a " + FORMAT + " file");
        }
        pendingAnchors.forEach(verifier::anchor);
        pendingCheckpoints.forEach(verifier::checkpoint);
        return verifier.finish();
    }

    static ChainEntry entry(JsonNode n) {
        List<String> fields = new ArrayList<>();
        n.path("fieldsReleased").forEach(f -> fields.add(f.asText()));
        AuditRecord r = new AuditRecord(text(n, "exchangeId"), text(n, "requestId"), Instant.parse(text(n, "recordedAt")),
                text(n, "hubNode"), text(n, "consumer"), text(n, "officer"), text(n, "service"), text(n, "subjectRef"),
                text(n, "purpose"), text(n, "legalBasis"), text(n, "legalReference"), text(n, "consentId"),
                text(n, "decision"), text(n, "reasonCode"), n.path("httpStatus").asInt(), List.copyOf(fields),
                n.path("providerLatencyMs").asInt(), text(n, "correlationId"));
        return new ChainEntry(r, n.path("nodeSeq").asLong(), text(n, "prevHash"), text(n, "recordHash"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

package org.saphan.exchange.audit.chain;

import org.saphan.exchange.audit.AuditRecord;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The bytes a record's hash is taken over (docs/audit.md, "Canonical form"): the tag
 * {@code saphan-audit-v1}, then 20 fields in a fixed order, each as a 4-byte big-endian length and
 * its UTF-8 bytes, or the length -1 and no bytes for null. Length prefixes make the form unambiguous
 * without escaping. Numbers are decimal; the time is {@code yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'} in UTC.
 */
public final class CanonicalForm {

    public static final String VERSION = "saphan-audit-v1";
    /** The previous hash of a node's first record. */
    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private CanonicalForm() {
    }

    public static byte[] of(AuditRecord r, long nodeSeq, String prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        field(out, VERSION);
        field(out, r.hubNode());
        field(out, Long.toString(nodeSeq));
        field(out, prevHash);
        field(out, r.exchangeId());
        field(out, r.requestId());
        field(out, TIME.format(ChainEntry.storable(r.recordedAt())));
        field(out, r.consumer());
        field(out, r.officer());
        field(out, r.service());
        field(out, r.subjectRef());
        field(out, r.purpose());
        field(out, r.legalBasis());
        field(out, r.legalReference());
        field(out, r.consentId());
        field(out, r.decision());
        field(out, r.reasonCode());
        field(out, Integer.toString(r.httpStatus()));
        field(out, String.join(",", r.fieldsReleased()));
        field(out, Integer.toString(r.providerLatencyMs()));
        field(out, r.correlationId());
        return out.toByteArray();
    }

    /** SHA-256 of the canonical form, lower-case hex. */
    public static String hash(AuditRecord r, long nodeSeq, String prevHash) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(of(r, nodeSeq, prevHash)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public static String formatTime(java.time.Instant at) {
        return TIME.format(ChainEntry.storable(at));
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            writeInt(out, -1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
